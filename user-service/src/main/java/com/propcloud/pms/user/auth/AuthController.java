package com.propcloud.pms.user.auth;

import com.propcloud.pms.common.audit.RequestOrigin;
import com.propcloud.pms.common.problem.ProblemCode;
import com.propcloud.pms.common.problem.Problems;
import com.propcloud.pms.common.security.CurrentUser;
import com.propcloud.pms.user.sms.SmsPurpose;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Login, token refresh, logout, owners' SMS codes and password resets. */
@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Authentication")
class AuthController {

    private final LoginService logins;
    private final OwnerCodes ownerCodes;

    AuthController(LoginService logins, OwnerCodes ownerCodes) {
        this.logins = logins;
        this.ownerCodes = ownerCodes;
    }

    @PostMapping("/login")
    @Operation(
            summary = "Log in: staff by username and password, owners by phone and password or SMS code",
            description = "Open without a token. An owner without a password yet logs in by SMS code; their"
                    + " token then carries must_change_password until they set one.")
    @SecurityRequirements
    @ApiResponse(responseCode = "200", description = "An access token and a refresh token")
    @ApiResponse(
            responseCode = "400",
            description = "Missing or oversized fields (code validation-failed)",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "401",
            description = "Unknown tenant or user, wrong password, disabled or locked account or suspended tenant,"
                    + " all alike (code auth.invalid-credentials)",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "429",
            description = "Too many failed logins from this client address lately (code too-many-requests),"
                    + " with Retry-After",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<TokenResponse> login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        return noStore(logins.login(request, RequestOrigin.of(http)));
    }

    @ExceptionHandler(LoginThrottledException.class)
    ResponseEntity<ProblemDetail> throttled(LoginThrottledException ex, HttpServletRequest http) {
        ProblemDetail problem =
                Problems.of(HttpStatus.TOO_MANY_REQUESTS, ProblemCode.TOO_MANY_REQUESTS, ex.getMessage());
        problem.setInstance(URI.create(http.getRequestURI()));
        long seconds = Math.max(1, ex.retryAfter().toSeconds());
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @PostMapping("/refresh")
    @Operation(
            summary = "Exchange a refresh token for a new pair",
            description = "Each refresh token works once. Presenting one a second time revokes every token"
                    + " descending from the same login. Open without a token.")
    @SecurityRequirements
    @ApiResponse(responseCode = "200", description = "A new access token and a new refresh token")
    @ApiResponse(
            responseCode = "401",
            description = "Unknown, expired, revoked or already used refresh token (code auth.invalid-refresh-token)",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<TokenResponse> refresh(@Valid @RequestBody RefreshRequest request) {
        return noStore(logins.refresh(request.refreshToken()));
    }

    @PostMapping("/logout")
    @Operation(
            summary = "End the session the refresh token belongs to",
            description = "Revokes the refresh token and every token descending from the same login. Answers"
                    + " 204 whether or not the token was the caller's and still valid.")
    ResponseEntity<Void> logout(
            @AuthenticationPrincipal Jwt jwt,
            @Valid @RequestBody OwnerCodeRequests.LogoutRequest request,
            HttpServletRequest http) {
        logins.logout(request.refreshToken(), CurrentUser.from(jwt).userId(), RequestOrigin.of(http));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/sms-codes")
    @Operation(
            summary = "Send an owner a 6-digit code by SMS (login or password reset)",
            description = "Open without a token. Answers 202 whether or not the phone belongs to an account."
                    + " A code lives 5 minutes and survives 4 wrong tries; one per phone per minute, ten a day.")
    @SecurityRequirements
    @ApiResponse(responseCode = "202", description = "A code is on its way if the phone belongs to an owner")
    @ApiResponse(
            responseCode = "429",
            description = "A code was sent to this phone less than a minute ago, or ten today"
                    + " (code auth.sms-code-throttled), with Retry-After",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<Void> smsCode(@Valid @RequestBody OwnerCodeRequests.CodeRequest request) {
        ownerCodes.request(
                request.tenant(), request.phone(), request.purpose() == null ? SmsPurpose.LOGIN : request.purpose());
        return ResponseEntity.accepted().build();
    }

    @PostMapping("/password-resets")
    @Operation(
            summary = "Start an owner's password reset: a code goes to their phone by SMS",
            description = "Open without a token. Answers 202 whether or not the phone belongs to an account.")
    @SecurityRequirements
    ResponseEntity<Void> startPasswordReset(@Valid @RequestBody OwnerCodeRequests.ResetRequest request) {
        ownerCodes.request(request.tenant(), request.phone(), SmsPurpose.PASSWORD_RESET);
        return ResponseEntity.accepted().build();
    }

    @PostMapping("/password-resets/confirm")
    @Operation(
            summary = "Finish an owner's password reset with the code and a new password",
            description = "Open without a token. Every session of the account ends at its next refresh.")
    @SecurityRequirements
    @ApiResponse(responseCode = "204", description = "The password is set")
    @ApiResponse(
            responseCode = "400",
            description = "Wrong, expired or used-up code, unknown phone (code auth.invalid-sms-code), or a"
                    + " password the policy refuses (code validation-failed)",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<Void> confirmPasswordReset(
            @Valid @RequestBody OwnerCodeRequests.ResetConfirmation request, HttpServletRequest http) {
        ownerCodes.confirmReset(
                request.tenant(), request.phone(), request.code(), request.newPassword(), RequestOrigin.of(http));
        return ResponseEntity.noContent().build();
    }

    /** Tokens must not linger in any cache between the client and us (RFC 6749, section 5.1). */
    private static ResponseEntity<TokenResponse> noStore(TokenResponse tokens) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(tokens);
    }
}
