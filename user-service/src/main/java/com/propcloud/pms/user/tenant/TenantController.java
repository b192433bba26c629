package com.propcloud.pms.user.tenant;

import com.propcloud.pms.common.web.PageQuery;
import com.propcloud.pms.common.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Platform operators create, edit, list, suspend and reactivate tenants (code, name, contact, time
 * zone, plan limits). Creating one publishes {@code user.tenant.created}. A suspended tenant's people cannot log in,
 * and their refresh tokens are refused, so their sessions end within one access-token lifetime. Each
 * change publishes {@code user.tenant.updated}. Any other role gets 403.
 */
@RestController
@RequestMapping("/api/v1/tenants")
@Tag(name = "Tenants")
@PreAuthorize("hasRole('PLATFORM_OPERATOR')")
class TenantController {

    private static final Set<String> SORTABLE = Set.of("code", "name", "createdAt");

    private final TenantDirectory directory;

    TenantController(TenantDirectory directory) {
        this.directory = directory;
    }

    @GetMapping
    @Operation(summary = "Every tenant, paged (platform operators)")
    PageResponse<TenantView> list(
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable List<String> sort) {
        return PageResponse.of(directory.list(PageQuery.of(page, size, sort, SORTABLE, Sort.by("code"))), view -> view);
    }

    @PostMapping
    @Operation(summary = "Register a tenant (platform operators); a code in use answers 409 tenant.code-taken")
    ResponseEntity<TenantView> create(@Valid @RequestBody TenantRequests.Create request) {
        TenantView created = directory.create(request);
        return ResponseEntity.created(URI.create("/api/v1/tenants/" + created.id()))
                .body(created);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One tenant, its contact phone masked (platform operators)")
    TenantView get(@PathVariable UUID id) {
        return directory.get(id);
    }

    @PatchMapping("/{id}")
    @Operation(
            summary = "Change name, time zone, status, contact or plan limits; absent fields stay (platform"
                    + " operators)")
    TenantView update(@PathVariable UUID id, @Valid @RequestBody TenantRequests.Change request) {
        return directory.update(id, request);
    }

    @PostMapping("/{id}/suspend")
    @Operation(summary = "Suspend a tenant: no logins, no refreshes (platform operators)")
    TenantView suspend(@PathVariable UUID id) {
        return directory.suspendByOperator(id);
    }

    @PostMapping("/{id}/reactivate")
    @Operation(summary = "Reactivate a suspended tenant (platform operators)")
    TenantView reactivate(@PathVariable UUID id) {
        return directory.reactivateByOperator(id);
    }
}
