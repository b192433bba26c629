package com.propcloud.pms.user.auth;

import com.propcloud.pms.common.audit.RequestOrigin;
import com.propcloud.pms.common.problem.ProblemCode;
import com.propcloud.pms.common.problem.Problems;
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
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Login and token refresh: the only write endpoints open without a token. */
@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Authentication")
class AuthController {

    private final LoginService logins;

    AuthController(LoginService logins) {
        this.logins = logins;
    }

    @PostMapping("/login")
    @Operation(summary = "Log a staff member or platform operator in", description = "Open without a token.")
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

    /** Tokens must not linger in any cache between the client and us (RFC 6749, section 5.1). */
    private static ResponseEntity<TokenResponse> noStore(TokenResponse tokens) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(tokens);
    }
}
