package com.propcloud.pms.asset.maintenance;

import com.propcloud.pms.asset.equipment.EquipmentCategory;
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
 * Maintenance plans. HQ admins and project managers shape them within their scope; every staff member
 * reads those of their projects. Another project's plan is not found, like a missing id.
 */
@RestController
@RequestMapping("/api/v1/maintenance-plans")
@Tag(name = "Maintenance plans")
@PreAuthorize(Roles.STAFF)
class MaintenancePlanController {

    static final Set<String> SORTABLE = Set.of("name", "skill", "nextDueAt", "createdAt", "updatedAt");

    private final MaintenancePlanService plans;

    MaintenancePlanController(MaintenancePlanService plans) {
        this.plans = plans;
    }

    @PostMapping
    @PreAuthorize(Roles.REGISTRARS)
    @Operation(summary = "Plan maintenance for an item or a category of a project (HQ admins, project managers)")
    ResponseEntity<MaintenancePlanRequests.Response> create(
            @Valid @RequestBody MaintenancePlanRequests.Create request) {
        var created = MaintenancePlanRequests.Response.of(plans.create(
                request.projectId(),
                request.equipmentId(),
                request.category(),
                request.details(plans.today()),
                staff()));
        return ResponseEntity.created(URI.create("/api/v1/maintenance-plans/" + created.id()))
                .body(created);
    }

    @GetMapping
    @Operation(summary = "Plans in the caller's scope, paged; filters combine")
    PageResponse<MaintenancePlanRequests.Response> list(
            @RequestParam(required = false) @Nullable UUID projectId,
            @RequestParam(required = false) @Nullable UUID equipmentId,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable String skill,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable List<String> sort) {
        var pageable = PageQuery.of(page, size, sort, SORTABLE, Sort.by("nextDueAt", "id"));
        var filter = new MaintenancePlanService.Filter(
                projectId,
                equipmentId,
                RegistryQueries.parameter("category", category, EquipmentCategory.class),
                RegistryQueries.parameter("skill", skill, Skill.class));
        return PageResponse.of(plans.list(filter, pageable, staff()), MaintenancePlanRequests.Response::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One plan, with its next due time")
    MaintenancePlanRequests.Response get(@PathVariable UUID id) {
        return MaintenancePlanRequests.Response.of(plans.get(id, staff()));
    }

    @PatchMapping("/{id}")
    @PreAuthorize(Roles.REGISTRARS)
    @Operation(summary = "Change a plan; absent fields stay, a new cycle restarts it from now")
    MaintenancePlanRequests.Response change(
            @PathVariable UUID id, @Valid @RequestBody MaintenancePlanRequests.Change request) {
        return MaintenancePlanRequests.Response.of(plans.change(id, request.applyTo(plans.today()), staff()));
    }

    @DeleteMapping("/{id}")
    @PreAuthorize(Roles.REGISTRARS)
    @Operation(summary = "Delete a plan; occurrences already announced stay announced")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        plans.delete(id, staff());
        return ResponseEntity.noContent().build();
    }

    private static DataScope staff() {
        return DataScope.current().requireStaff();
    }
}
