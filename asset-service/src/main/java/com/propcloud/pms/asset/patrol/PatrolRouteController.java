package com.propcloud.pms.asset.patrol;

import com.propcloud.pms.asset.maintenance.Skill;
import com.propcloud.pms.asset.registry.RegistryQueries;
import com.propcloud.pms.asset.registry.Roles;
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
 * Patrol routes. HQ admins and project managers lay them out within their scope; every staff member
 * reads those of their projects. Another project's route is not found, like a missing id.
 */
@RestController
@RequestMapping("/api/v1/patrol-routes")
@Tag(name = "Patrol routes")
@PreAuthorize(Roles.STAFF)
class PatrolRouteController {

    static final Set<String> SORTABLE = Set.of("name", "nextDueAt", "createdAt", "updatedAt");

    private final PatrolRouteService routes;

    PatrolRouteController(PatrolRouteService routes) {
        this.routes = routes;
    }

    @PostMapping
    @PreAuthorize(Roles.REGISTRARS)
    @Operation(summary = "Lay out a patrol route (HQ admins, project managers)")
    ResponseEntity<PatrolRouteRequests.Response> create(@Valid @RequestBody PatrolRouteRequests.Create request) {
        var created = PatrolRouteRequests.Response.of(
                routes.create(request.projectId(), request.details(routes.today()), staff()));
        return ResponseEntity.created(URI.create("/api/v1/patrol-routes/" + created.id()))
                .body(created);
    }

    @GetMapping
    @Operation(summary = "Routes in the caller's scope, paged; filters combine")
    PageResponse<PatrolRouteRequests.Response> list(
            @RequestParam(required = false) @Nullable UUID projectId,
            @RequestParam(required = false) @Nullable String skill,
            @RequestParam(required = false) @Nullable String role,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable List<String> sort) {
        var pageable = PageQuery.of(page, size, sort, SORTABLE, Sort.by("name", "id"));
        var filter =
                new PatrolRouteService.Filter(projectId, RegistryQueries.parameter("skill", skill, Skill.class), role);
        return PageResponse.of(routes.list(filter, pageable, staff()), PatrolRouteRequests.Response::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One route, with its checkpoints in order and its next due time")
    PatrolRouteRequests.Response get(@PathVariable UUID id) {
        return PatrolRouteRequests.Response.of(routes.get(id, staff()));
    }

    @PatchMapping("/{id}")
    @PreAuthorize(Roles.REGISTRARS)
    @Operation(summary = "Change a route; absent fields stay, checkpoints replace the list, a new cycle restarts it")
    PatrolRouteRequests.Response change(@PathVariable UUID id, @Valid @RequestBody PatrolRouteRequests.Change request) {
        return PatrolRouteRequests.Response.of(routes.change(id, request.applyTo(routes.today()), staff()));
    }

    @DeleteMapping("/{id}")
    @PreAuthorize(Roles.REGISTRARS)
    @Operation(summary = "Delete a route; rounds already announced stay announced")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        routes.delete(id, staff());
        return ResponseEntity.noContent().build();
    }

    private static DataScope staff() {
        return DataScope.current().requireStaff();
    }
}
