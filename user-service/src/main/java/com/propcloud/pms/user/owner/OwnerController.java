package com.propcloud.pms.user.owner;

import com.propcloud.pms.common.problem.NotFoundException;
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
 * The front desk's register of owners, residents and commercial tenants. Lists and details show
 * phone and ID numbers masked; the full value is a separate, audited call for HQ admins and the front
 * desk. Another tenant's id is not found, exactly like a missing one.
 */
@RestController
@RequestMapping("/api/v1/owners")
@Tag(name = "Owners")
@PreAuthorize("hasAnyRole('HQ_ADMIN','PROJECT_MANAGER','FRONT_DESK')")
class OwnerController {

    private static final Map<String, String> SORT_COLUMNS =
            Map.of("displayName", "display_name", "createdAt", "created_at", "updatedAt", "updated_at");

    private final OwnerAccounts owners;

    OwnerController(OwnerAccounts owners) {
        this.owners = owners;
    }

    @PostMapping
    @Operation(summary = "Register an owner, resident or commercial tenant (they log in with this phone)")
    ResponseEntity<OwnerResponse> create(@Valid @RequestBody OwnerRequests.Create request) {
        OwnerMember owner = owners.open(new OwnerAccounts.NewOwner(
                request.displayName(),
                request.category() == null ? OwnerCategory.OWNER : request.category(),
                request.phone(),
                request.idNumber()));
        return ResponseEntity.created(URI.create("/api/v1/owners/" + owner.id()))
                .body(OwnerResponse.of(owner));
    }

    @GetMapping
    @Operation(summary = "The tenant's owners, paged; find by exact phone number, part of the name, category or status")
    PageResponse<OwnerResponse> list(
            @RequestParam(required = false) @Nullable String phone,
            @RequestParam(required = false) @Nullable String name,
            @RequestParam(required = false) @Nullable OwnerCategory category,
            @RequestParam(required = false) @Nullable OwnerStatus status,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable List<String> sort) {
        Pageable query = PageQuery.ofColumns(page, size, sort, SORT_COLUMNS, Sort.by(Sort.Order.asc("displayName")));
        return PageResponse.of(owners.list(phone, name, category, status, query), OwnerResponse::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One owner, numbers masked")
    OwnerResponse get(@PathVariable UUID id) {
        return OwnerResponse.of(owners.get(id));
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change name, category, phone or ID number; absent fields stay")
    OwnerResponse change(@PathVariable UUID id, @Valid @RequestBody OwnerRequests.Change request) {
        return OwnerResponse.of(owners.change(
                id,
                new OwnerAccounts.Changes(
                        request.displayName(),
                        request.category(),
                        request.phone(),
                        request.idNumber(),
                        Boolean.TRUE.equals(request.removeIdNumber()))));
    }

    @PostMapping("/{id}/disable")
    @Operation(summary = "Disable an owner's login; their sessions end at the next refresh")
    OwnerResponse disable(@PathVariable UUID id) {
        return OwnerResponse.of(owners.changeStatus(id, OwnerStatus.DISABLED));
    }

    @PostMapping("/{id}/enable")
    @Operation(summary = "Enable a disabled owner")
    OwnerResponse enable(@PathVariable UUID id) {
        return OwnerResponse.of(owners.changeStatus(id, OwnerStatus.ACTIVE));
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasAnyRole('HQ_ADMIN','FRONT_DESK')")
    @Operation(summary = "Delete an owner (kept as history; the phone becomes free)")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        owners.changeStatus(id, OwnerStatus.DELETED);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/force-password-reset")
    @PreAuthorize("hasRole('HQ_ADMIN')")
    @Operation(
            summary = "Forget an owner's password and end their sessions (HQ admins); they sign in by SMS code"
                    + " next and set a new one")
    OwnerResponse forcePasswordReset(@PathVariable UUID id) {
        return OwnerResponse.of(owners.forcePasswordReset(id));
    }

    @PostMapping("/{id}/reveal")
    @PreAuthorize("hasAnyRole('HQ_ADMIN','FRONT_DESK')")
    @Operation(
            summary = "The full phone or ID number of one owner (HQ admins and front desk); recorded in the audit"
                    + " trail")
    ResponseEntity<Map<String, String>> reveal(
            @PathVariable UUID id, @Valid @RequestBody OwnerRequests.Reveal request) {
        String value =
                owners.reveal(id, request.field()).orElseThrow(() -> new NotFoundException("ID number of owner", id));
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(Map.of("field", request.field().name(), "value", value));
    }
}
