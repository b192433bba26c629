package com.propcloud.pms.user.audit;

import com.propcloud.pms.common.audit.AuditQuery;
import com.propcloud.pms.common.audit.AuditTrail;
import com.propcloud.pms.common.problem.InvalidParameterException;
import com.propcloud.pms.common.security.CurrentUser;
import com.propcloud.pms.common.web.PageQuery;
import com.propcloud.pms.common.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit trail for HQ admins (their own tenant, always the token's) and platform operators (any
 * tenant, or all). Offset pages in the platform's fixed page shape, newest first.
 */
@RestController
@RequestMapping("/api/v1/audit-events")
@Tag(name = "Audit trail")
class AuditEventController {

    static final String HQ_ADMIN = "HQ_ADMIN";
    static final String PLATFORM_OPERATOR = "PLATFORM_OPERATOR";

    private static final Pattern ACTION = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z0-9][a-z0-9-]*)*(\\.\\*)?");
    private static final int MAX_ID_LENGTH = 100;

    private final AuditTrail trail;

    AuditEventController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping
    @Operation(
            summary = "Search the audit trail",
            description = "Logins, logouts, token-family revocations, staff, role and tenant changes and every"
                    + " reveal of personal data, newest first. HQ admins see their own tenant's events only;"
                    + " platform operators may name a tenant or see every tenant's.")
    @ApiResponse(responseCode = "200", description = "A page of audit events")
    @ApiResponse(
            responseCode = "400",
            description = "A bad parameter, named in errors[].field (code validation-failed)",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "403",
            description = "Neither an HQ admin nor a platform operator (code auth.forbidden)",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    PageResponse<AuditEventResponse> search(
            @Parameter(description = "Actor (user) id") @RequestParam(required = false) @Nullable String actor,
            @Parameter(description = "Action code, exact (auth.login.failed) or a prefix ending in .* (auth.*)")
                    @RequestParam(required = false)
                    @Nullable
                    String action,
            @Parameter(description = "Target id") @RequestParam(required = false) @Nullable String targetId,
            @Parameter(description = "Inclusive lower bound, ISO-8601 with offset (2026-01-31T16:00:00Z)")
                    @RequestParam(required = false)
                    @Nullable
                    String from,
            @Parameter(description = "Exclusive upper bound, ISO-8601 with offset")
                    @RequestParam(required = false)
                    @Nullable
                    String to,
            @Parameter(description = "Platform operators only: one tenant's events")
                    @RequestParam(required = false)
                    @Nullable
                    String tenantId,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size) {
        CurrentUser caller = CurrentUser.current().orElseThrow(() -> new AccessDeniedException("no caller"));
        UUID tenant = tenantFor(caller, tenantId);
        Instant fromInstant = instant("from", from);
        Instant toInstant = instant("to", to);
        if (fromInstant != null && toInstant != null && !fromInstant.isBefore(toInstant)) {
            throw new InvalidParameterException("to", "must be after from");
        }
        if (action != null && !ACTION.matcher(action).matches()) {
            throw new InvalidParameterException("action", "must be an action code such as auth.login.failed or auth.*");
        }
        var pageable = PageQuery.of(page, size, null, Set.of(), Sort.unsorted());
        var query = new AuditQuery(
                tenant, text("actor", actor), action, text("targetId", targetId), fromInstant, toInstant);
        return PageResponse.of(trail.find(query, pageable), AuditEventResponse::of);
    }

    /** The tenant to read: the token's for HQ admins, the parameter's (or every tenant) for operators. */
    private static @Nullable UUID tenantFor(CurrentUser caller, @Nullable String tenantId) {
        if (CurrentUser.OPERATOR.equals(caller.kind()) && caller.hasRole(PLATFORM_OPERATOR)) {
            return tenantId == null || tenantId.isBlank() ? null : uuid("tenantId", tenantId);
        }
        if (CurrentUser.STAFF.equals(caller.kind()) && caller.hasRole(HQ_ADMIN)) {
            if (tenantId != null && !tenantId.isBlank()) {
                throw new InvalidParameterException("tenantId", "only platform operators may choose a tenant");
            }
            return caller.tenantId();
        }
        throw new AccessDeniedException("Only HQ admins and platform operators read the audit trail");
    }

    private static @Nullable Instant instant(String parameter, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(
                    parameter, "must be an ISO-8601 date-time with offset, e.g. 2026-01-31T16:00:00Z");
        }
    }

    private static UUID uuid(String parameter, String value) {
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(parameter, "must be a UUID");
        }
    }

    private static @Nullable String text(String parameter, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_ID_LENGTH) {
            throw new InvalidParameterException(parameter, "must be at most " + MAX_ID_LENGTH + " characters");
        }
        return value.strip();
    }
}
