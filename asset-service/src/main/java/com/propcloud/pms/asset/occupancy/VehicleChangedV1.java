package com.propcloud.pms.asset.occupancy;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Payload of {@code asset.vehicle.registered}, {@code asset.vehicle.updated} and {@code
 * asset.vehicle.removed}, schema version 1: a vehicle registered to a unit, as gate access and parking
 * keep it. The plate in clear (it identifies the vehicle, here not a person); the person by id only.
 * Whole state; on removal the last state. Add fields only.
 */
record VehicleChangedV1(
        UUID vehicleId,
        UUID projectId,
        UUID unitId,
        @Nullable UUID personId,
        String plate,
        Instant updatedAt) {

    static final String REGISTERED = "asset.vehicle.registered";
    /** No route changes a vehicle yet (it is removed and registered again); kept for bulk paths. */
    static final String UPDATED = "asset.vehicle.updated";

    static final String REMOVED = "asset.vehicle.removed";
    static final int VERSION = 1;

    static VehicleChangedV1 of(Vehicle v) {
        return new VehicleChangedV1(v.id(), v.projectId(), v.unitId(), v.personId(), v.plate(), v.updatedAt());
    }
}
