package com.propcloud.pms.user.staff;

import com.propcloud.pms.common.security.CurrentUser;
import com.propcloud.pms.common.web.PageQuery;
import com.propcloud.pms.common.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * HQ admins manage their own tenant's staff. The tenant is the caller's (row-level security), so
 * another tenant's id is not found, exactly like a missing one. Every other role gets 403.
 */
@RestController
@RequestMapping("/api/v1/staff")
@Tag(name = "Staff")
@PreAuthorize("hasRole('HQ_ADMIN')")
class StaffController {

    /** API field to column: the list query is native (array filters), so its sort names columns. */
    private static final Map<String, String> SORT_COLUMNS =
            Map.of("username", "username", "displayName", "display_name", "createdAt", "created_at");

    private final StaffAccounts staff;

    StaffController(StaffAccounts staff) {
        this.staff = staff;
    }

    @PostMapping
    @Operation(summary = "Open a staff account (HQ admins)")
    ResponseEntity<StaffResponse> create(@Valid @RequestBody StaffRequests.Create request) {
        StaffAccounts.Opened opened = staff.open(
                request.username(),
                request.displayName(),
                StaffRequests.roles(request.roles()),
                request.projects() == null ? List.of() : request.projects(),
                StaffRequests.skills(request.skills()),
                Boolean.TRUE.equals(request.onDuty()),
                request.password());
        return ResponseEntity.created(
                        URI.create("/api/v1/staff/" + opened.member().id()))
                .cacheControl(CacheControl.noStore())
                .body(StaffResponse.of(opened.member(), opened.oneTimePassword()));
    }

    @GetMapping
    @Operation(summary = "The tenant's staff, paged, optionally filtered by role, status and skill")
    PageResponse<StaffResponse> list(
            @RequestParam(required = false) @Nullable String role,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String skill,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable List<String> sort) {
        Pageable query = PageQuery.ofColumns(page, size, sort, SORT_COLUMNS, Sort.by(Sort.Order.asc("username")));
        return PageResponse.of(
                staff.list(
                        StaffRequests.parameter("role", role, StaffRole.class, List.copyOf(StaffRole.TENANT_ROLES)),
                        StaffRequests.parameter(
                                "status", status, StaffStatus.class, List.of(StaffStatus.ACTIVE, StaffStatus.DISABLED)),
                        StaffRequests.parameter("skill", skill, StaffSkill.class, List.of(StaffSkill.values())),
                        query),
                StaffResponse::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One staff account")
    StaffResponse get(@PathVariable UUID id) {
        return StaffResponse.of(staff.get(id));
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change display name, roles, projects, skills or duty; absent fields stay")
    StaffResponse change(@PathVariable UUID id, @Valid @RequestBody StaffRequests.Change request) {
        return StaffResponse.of(staff.change(
                id,
                new StaffAccounts.Changes(
                        request.displayName(),
                        request.roles() == null ? null : StaffRequests.roles(request.roles()),
                        request.projects(),
                        request.skills() == null ? null : StaffRequests.skills(request.skills()),
                        request.onDuty())));
    }

    @PostMapping("/{id}/disable")
    @Operation(summary = "Disable an account: no login, sessions end at their next refresh")
    StaffResponse disable(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
        return StaffResponse.of(staff.disable(id, CurrentUser.from(jwt).userId()));
    }

    @PostMapping("/{id}/enable")
    @Operation(summary = "Enable a disabled account")
    StaffResponse enable(@PathVariable UUID id) {
        return StaffResponse.of(staff.enable(id));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete an account (kept as history; its username becomes free)")
    ResponseEntity<Void> delete(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
        staff.delete(id, CurrentUser.from(jwt).userId());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/force-password-reset")
    @Operation(
            summary = "Replace the password with a one-time password (answered once) that must be changed at"
                    + " the next login; the account's sessions end at their next refresh")
    ResponseEntity<Map<String, Object>> forcePasswordReset(@PathVariable UUID id) {
        String oneTimePassword = staff.forcePasswordReset(id);
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(Map.of("oneTimePassword", oneTimePassword, "mustChangePassword", true));
    }
}
