package com.propcloud.pms.asset.parking;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Payload of {@code asset.parking-space.created}, {@code asset.parking-space.updated} and {@code
 * asset.parking-space.deleted}, schema version 1: a parking space as billing (parking fees of held and
 * rented spaces) and gate access keep it. The holder by ids only: the unit, and the stay where one
 * occupant rents it. Whole state; on delete the last state. Add fields only.
 */
record ParkingSpaceChangedV1(
        UUID parkingSpaceId,
        UUID projectId,
        String zone,
        String number,
        ParkingSpaceType type,
        ParkingSpaceStatus status,
        @Nullable UUID unitId,
        @Nullable UUID occupancyId,
        Instant updatedAt) {

    static final String CREATED = "asset.parking-space.created";
    static final String UPDATED = "asset.parking-space.updated";
    static final String DELETED = "asset.parking-space.deleted";
    static final int VERSION = 1;

    static ParkingSpaceChangedV1 of(ParkingSpace space) {
        ParkingSpace.Details d = space.details();
        return new ParkingSpaceChangedV1(
                space.id(),
                space.projectId(),
                d.zone(),
                d.number(),
                d.type(),
                d.status(),
                d.unitId(),
                d.occupancyId(),
                space.updatedAt());
    }
}
