package com.propcloud.pms.asset.parking;

import com.propcloud.pms.common.problem.InvalidParameterException;
import com.propcloud.pms.common.security.DataScope;
import com.propcloud.pms.common.web.PageQuery;
import com.propcloud.pms.common.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Arrays;
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
 * Parking spaces. HQ admins and project managers register them within their scope; every staff member
 * finds those of their projects by project, zone, type, status or unit. Another project's space is not
 * found, like a missing id.
 */
@RestController
@RequestMapping("/api/v1/parking-spaces")
@Tag(name = "Parking spaces")
@PreAuthorize("hasAnyRole('HQ_ADMIN','PROJECT_MANAGER','FRONT_DESK','TECHNICIAN','FINANCE','SECURITY')")
class ParkingSpaceController {

    static final String REGISTRARS = "hasAnyRole('HQ_ADMIN','PROJECT_MANAGER')";
    static final Set<String> SORTABLE = Set.of("zone", "number", "type", "status", "createdAt", "updatedAt");

    private final ParkingSpaceService spaces;

    ParkingSpaceController(ParkingSpaceService spaces) {
        this.spaces = spaces;
    }

    @PostMapping
    @PreAuthorize(REGISTRARS)
    @Operation(summary = "Register a parking space in a project (HQ admins, project managers)")
    ResponseEntity<ParkingSpaceRequests.Response> create(@Valid @RequestBody ParkingSpaceRequests.Create request) {
        var created = ParkingSpaceRequests.Response.of(spaces.create(request.projectId(), request.details(), staff()));
        return ResponseEntity.created(URI.create("/api/v1/parking-spaces/" + created.id()))
                .body(created);
    }

    @GetMapping
    @Operation(summary = "Parking spaces in the caller's scope, paged; filters combine")
    PageResponse<ParkingSpaceRequests.Response> list(
            @RequestParam(required = false) @Nullable UUID projectId,
            @RequestParam(required = false) @Nullable String zone,
            @RequestParam(required = false) @Nullable String type,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable UUID unitId,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable List<String> sort) {
        var pageable = PageQuery.of(page, size, sort, SORTABLE, Sort.by("zone", "number"));
        var filter = new ParkingSpaceService.Filter(
                projectId,
                zone == null || zone.isBlank() ? null : zone,
                parameter("type", type, ParkingSpaceType.class),
                parameter("status", status, ParkingSpaceStatus.class),
                unitId);
        return PageResponse.of(spaces.list(filter, pageable, staff()), ParkingSpaceRequests.Response::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One parking space")
    ParkingSpaceRequests.Response get(@PathVariable UUID id) {
        return ParkingSpaceRequests.Response.of(spaces.get(id, staff()));
    }

    @PatchMapping("/{id}")
    @PreAuthorize(REGISTRARS)
    @Operation(summary = "Change a parking space; absent fields stay, its project never changes")
    ParkingSpaceRequests.Response change(
            @PathVariable UUID id, @Valid @RequestBody ParkingSpaceRequests.Change request) {
        return ParkingSpaceRequests.Response.of(spaces.change(id, request::applyTo, staff()));
    }

    @DeleteMapping("/{id}")
    @PreAuthorize(REGISTRARS)
    @Operation(summary = "Delete a parking space")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        spaces.delete(id, staff());
        return ResponseEntity.noContent().build();
    }

    /** A query parameter naming an enum constant, refused as a validation error if it names none. */
    private static <E extends Enum<E>> @Nullable E parameter(String name, @Nullable String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Arrays.stream(type.getEnumConstants())
                .filter(e -> e.name().equalsIgnoreCase(value.strip()))
                .findFirst()
                .orElseThrow(() -> new InvalidParameterException(
                        name, "can be one of " + Arrays.toString(type.getEnumConstants())));
    }

    private static DataScope staff() {
        return DataScope.current().requireStaff();
    }
}
