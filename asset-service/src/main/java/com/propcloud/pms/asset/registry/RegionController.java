package com.propcloud.pms.asset.registry;

import com.propcloud.pms.common.security.DataScope;
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
 * Regions, under {@code /api/v1/projects/regions} because they group projects and the gateway routes
 * {@code /api/v1/projects/**} here. Tenant-wide: every staff member reads them, HQ changes them.
 */
@RestController
@RequestMapping("/api/v1/projects/regions")
@Tag(name = "Regions")
@PreAuthorize(Roles.STAFF)
class RegionController {

    private static final Set<String> SORTABLE = Set.of("name", "createdAt");

    private final RegionService regions;

    RegionController(RegionService regions) {
        this.regions = regions;
    }

    @PostMapping
    @PreAuthorize(Roles.HQ)
    @Operation(summary = "Create a region (HQ admins)")
    ResponseEntity<RegionRequests.Response> create(@Valid @RequestBody RegionRequests.Name request) {
        staff();
        RegionRequests.Response created = RegionRequests.Response.of(regions.create(request.name()));
        return ResponseEntity.created(URI.create("/api/v1/projects/regions/" + created.id()))
                .body(created);
    }

    @GetMapping
    @Operation(summary = "The tenant's regions, paged")
    PageResponse<RegionRequests.Response> list(
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable List<String> sort) {
        staff();
        var pageable = PageQuery.of(page, size, sort, SORTABLE, Sort.by("name"));
        return PageResponse.of(regions.list(pageable), RegionRequests.Response::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One region")
    RegionRequests.Response get(@PathVariable UUID id) {
        staff();
        return RegionRequests.Response.of(regions.get(id));
    }

    @PatchMapping("/{id}")
    @PreAuthorize(Roles.HQ)
    @Operation(summary = "Rename a region (HQ admins)")
    RegionRequests.Response rename(@PathVariable UUID id, @Valid @RequestBody RegionRequests.Name request) {
        staff();
        return RegionRequests.Response.of(regions.rename(id, request.name()));
    }

    @DeleteMapping("/{id}")
    @PreAuthorize(Roles.HQ)
    @Operation(summary = "Delete a region that groups no project (HQ admins)")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        staff();
        regions.delete(id);
        return ResponseEntity.noContent().build();
    }

    /** An owner's token is refused even if it somehow carried a staff role. */
    private static DataScope staff() {
        return DataScope.current().requireStaff();
    }
}
