package com.propcloud.pms.asset.registry;

import com.propcloud.pms.common.security.DataScope;
import com.propcloud.pms.common.web.PageQuery;
import com.propcloud.pms.common.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.http.MediaType;
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
 * The tenant's projects. HQ admins create, change and delete them and see them all; other staff read
 * the projects their token names, and any other project is not found, like a missing id.
 */
@RestController
@RequestMapping("/api/v1/projects")
@Tag(name = "Projects")
@PreAuthorize(Roles.STAFF)
class ProjectController {

    static final Set<String> SORTABLE = Set.of("code", "name", "type", "status", "createdAt", "updatedAt");

    private final ProjectService projects;
    private final ProjectTreeService trees;

    ProjectController(ProjectService projects, ProjectTreeService trees) {
        this.projects = projects;
        this.trees = trees;
    }

    @PostMapping
    @PreAuthorize(Roles.HQ)
    @Operation(summary = "Create a project (HQ admins)")
    ResponseEntity<ProjectRequests.Response> create(@Valid @RequestBody ProjectRequests.Create request) {
        staff();
        ProjectRequests.Response created = ProjectRequests.Response.of(projects.create(request.details()));
        return ResponseEntity.created(URI.create("/api/v1/projects/" + created.id()))
                .body(created);
    }

    @GetMapping
    @Operation(summary = "Projects in the caller's scope, paged, optionally filtered by region, type and status")
    PageResponse<ProjectRequests.Response> list(
            @RequestParam(required = false) @Nullable UUID regionId,
            @RequestParam(required = false) @Nullable String type,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable List<String> sort) {
        var pageable = PageQuery.of(page, size, sort, SORTABLE, Sort.by("code"));
        var filter = new ProjectService.Filter(
                regionId,
                RegistryQueries.parameter("type", type, ProjectType.class),
                RegistryQueries.parameter("status", status, ProjectStatus.class));
        return PageResponse.of(projects.list(filter, pageable, staff()), ProjectRequests.Response::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One project")
    ProjectRequests.Response get(@PathVariable UUID id) {
        return ProjectRequests.Response.of(projects.get(id, staff()));
    }

    @PatchMapping("/{id}")
    @PreAuthorize(Roles.HQ)
    @Operation(summary = "Change a project (HQ admins); absent fields stay")
    ProjectRequests.Response change(@PathVariable UUID id, @Valid @RequestBody ProjectRequests.Change request) {
        return ProjectRequests.Response.of(projects.change(id, request::applyTo, staff()));
    }

    @DeleteMapping("/{id}")
    @PreAuthorize(Roles.HQ)
    @Operation(summary = "Delete a project without buildings (HQ admins)")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        projects.delete(id, staff());
        return ResponseEntity.noContent().build();
    }

    @GetMapping(path = "/{id}/tree", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The project's buildings, floors and units with counts by status (cached)")
    @ApiResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = ProjectTree.class)))
    ResponseEntity<byte[]> tree(@PathVariable UUID id) {
        // the cached body as it is (see ProjectTreeCache)
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(trees.tree(id, staff()));
    }

    private static DataScope staff() {
        return DataScope.current().requireStaff();
    }
}
