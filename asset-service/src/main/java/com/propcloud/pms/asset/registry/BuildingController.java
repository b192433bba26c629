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
 * Buildings. HQ admins and project managers register them within their scope; every staff member reads
 * those of their projects. Another project's building is not found, like a missing id.
 */
@RestController
@RequestMapping("/api/v1/buildings")
@Tag(name = "Buildings")
@PreAuthorize(Roles.STAFF)
class BuildingController {

    static final Set<String> SORTABLE = Set.of("code", "name", "floorsAbove", "createdAt", "updatedAt");

    private final BuildingService buildings;

    BuildingController(BuildingService buildings) {
        this.buildings = buildings;
    }

    @PostMapping
    @PreAuthorize(Roles.REGISTRARS)
    @Operation(summary = "Register a building in a project (HQ admins, project managers)")
    ResponseEntity<BuildingRequests.Response> create(@Valid @RequestBody BuildingRequests.Create request) {
        BuildingRequests.Response created =
                BuildingRequests.Response.of(buildings.create(request.projectId(), request.details(), staff()));
        return ResponseEntity.created(URI.create("/api/v1/buildings/" + created.id()))
                .body(created);
    }

    @GetMapping
    @Operation(summary = "Buildings in the caller's scope, paged, optionally of one project")
    PageResponse<BuildingRequests.Response> list(
            @RequestParam(required = false) @Nullable UUID projectId,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable List<String> sort) {
        var pageable = PageQuery.of(page, size, sort, SORTABLE, Sort.by("code"));
        return PageResponse.of(buildings.list(projectId, pageable, staff()), BuildingRequests.Response::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One building")
    BuildingRequests.Response get(@PathVariable UUID id) {
        return BuildingRequests.Response.of(buildings.get(id, staff()));
    }

    @PatchMapping("/{id}")
    @PreAuthorize(Roles.REGISTRARS)
    @Operation(summary = "Change a building; absent fields stay, its project never changes")
    BuildingRequests.Response change(@PathVariable UUID id, @Valid @RequestBody BuildingRequests.Change request) {
        return BuildingRequests.Response.of(buildings.change(id, request::applyTo, staff()));
    }

    @DeleteMapping("/{id}")
    @PreAuthorize(Roles.REGISTRARS)
    @Operation(summary = "Delete a building without units")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        buildings.delete(id, staff());
        return ResponseEntity.noContent().build();
    }

    private static DataScope staff() {
        return DataScope.current().requireStaff();
    }
}
