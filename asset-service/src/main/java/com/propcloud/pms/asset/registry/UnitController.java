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
 * Units. HQ admins and project managers register them within their scope; every staff member finds
 * those of their projects by project, building, status, type or number prefix. Another project's unit
 * is not found, like a missing id.
 */
@RestController
@RequestMapping("/api/v1/units")
@Tag(name = "Units")
@PreAuthorize(Roles.STAFF)
class UnitController {

    static final Set<String> SORTABLE =
            Set.of("number", "floor", "type", "status", "grossArea", "handoverDate", "createdAt", "updatedAt");

    private final UnitService units;

    UnitController(UnitService units) {
        this.units = units;
    }

    @PostMapping
    @PreAuthorize(Roles.REGISTRARS)
    @Operation(summary = "Register a unit in a building (HQ admins, project managers)")
    ResponseEntity<UnitRequests.Response> create(@Valid @RequestBody UnitRequests.Create request) {
        UnitRequests.Response created =
                UnitRequests.Response.of(units.create(request.buildingId(), request.details(), staff()));
        return ResponseEntity.created(URI.create("/api/v1/units/" + created.id()))
                .body(created);
    }

    @GetMapping
    @Operation(summary = "Units in the caller's scope, paged; filters combine")
    PageResponse<UnitRequests.Response> list(
            @RequestParam(required = false) @Nullable UUID projectId,
            @RequestParam(required = false) @Nullable UUID buildingId,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String type,
            @RequestParam(required = false) @Nullable String numberPrefix,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable List<String> sort) {
        var pageable = PageQuery.of(page, size, sort, SORTABLE, Sort.by("number"));
        var filter = new UnitService.Filter(
                projectId,
                buildingId,
                RegistryQueries.parameter("status", status, UnitStatus.class),
                RegistryQueries.parameter("type", type, UnitType.class),
                numberPrefix);
        return PageResponse.of(units.list(filter, pageable, staff()), UnitRequests.Response::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One unit")
    UnitRequests.Response get(@PathVariable UUID id) {
        return UnitRequests.Response.of(units.get(id, staff()));
    }

    @PatchMapping("/{id}")
    @PreAuthorize(Roles.REGISTRARS)
    @Operation(summary = "Change a unit; absent fields stay, its building never changes")
    UnitRequests.Response change(@PathVariable UUID id, @Valid @RequestBody UnitRequests.Change request) {
        return UnitRequests.Response.of(units.change(id, request::applyTo, staff()));
    }

    @DeleteMapping("/{id}")
    @PreAuthorize(Roles.REGISTRARS)
    @Operation(summary = "Delete a unit")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        units.delete(id, staff());
        return ResponseEntity.noContent().build();
    }

    private static DataScope staff() {
        return DataScope.current().requireStaff();
    }
}
