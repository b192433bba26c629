package com.propcloud.pms.asset.occupancy;

import com.propcloud.pms.common.security.DataScope;
import com.propcloud.pms.common.web.PageQuery;
import com.propcloud.pms.common.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A unit's vehicles, under the unit because the gateway routes {@code /api/v1/units/**} here. Plates
 * are validated (ordinary 7-character and new-energy 8-character plates) and unique in the tenant.
 */
@RestController
@RequestMapping("/api/v1/units/{unitId}/vehicles")
@Tag(name = "Vehicles")
@PreAuthorize(Access.STAFF)
class VehicleController {

    private final VehicleService vehicles;

    VehicleController(VehicleService vehicles) {
        this.vehicles = vehicles;
    }

    record Register(
            @Schema(example = "粤B12345") @NotBlank @Size(max = 16)
            String plate,

            @Schema(description = "One of the unit's current occupants") @Nullable
            UUID personId) {}

    record Response(UUID id, UUID unitId, @Nullable UUID personId, String plate, Instant createdAt) {

        static Response of(Vehicle v) {
            return new Response(v.id(), v.unitId(), v.personId(), v.plate(), v.createdAt());
        }
    }

    @PostMapping
    @PreAuthorize(Access.OWNER_DESK)
    @Operation(summary = "Register a vehicle to the unit (HQ admins, project managers, front desk)")
    ResponseEntity<Response> register(@PathVariable UUID unitId, @Valid @RequestBody Register request) {
        Response created = Response.of(vehicles.register(unitId, request.plate(), request.personId(), staff()));
        return ResponseEntity.created(URI.create("/api/v1/units/" + unitId + "/vehicles/" + created.id()))
                .body(created);
    }

    @GetMapping
    @Operation(summary = "The unit's vehicles")
    PageResponse<Response> list(
            @PathVariable UUID unitId,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable List<String> sort) {
        var pageable = PageQuery.of(page, size, sort, Set.of("plate", "createdAt"), Sort.by("plate"));
        return PageResponse.of(vehicles.list(unitId, pageable, staff()), Response::of);
    }

    @DeleteMapping("/{vehicleId}")
    @PreAuthorize(Access.OWNER_DESK)
    @Operation(summary = "Remove a vehicle")
    ResponseEntity<Void> remove(@PathVariable UUID unitId, @PathVariable UUID vehicleId) {
        vehicles.remove(unitId, vehicleId, staff());
        return ResponseEntity.noContent().build();
    }

    private static DataScope staff() {
        return DataScope.current().requireStaff();
    }
}
