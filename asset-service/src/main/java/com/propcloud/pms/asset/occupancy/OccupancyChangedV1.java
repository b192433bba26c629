package com.propcloud.pms.asset.occupancy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Payload of {@code asset.occupancy.started} and {@code asset.occupancy.ended}, schema version 1: one
 * stay of a person in a unit (billing bills the primary payer; reporting counts occupancy). Whole state
 * after the change; {@code moveOut} is set on ended. The person by id only: their data stays in
 * user-service. Add fields only.
 */
record OccupancyChangedV1(
        UUID occupancyId,
        UUID unitId,
        UUID projectId,
        UUID personId,
        OccupancyRole role,
        boolean primaryPayer,
        LocalDate moveIn,
        @Nullable LocalDate moveOut,
        Instant updatedAt) {

    static final String STARTED = "asset.occupancy.started";
    static final String ENDED = "asset.occupancy.ended";
    static final int VERSION = 1;

    static OccupancyChangedV1 of(Occupancy o) {
        return new OccupancyChangedV1(
                o.id(),
                o.unitId(),
                o.projectId(),
                o.personId(),
                o.role(),
                o.primaryPayer(),
                o.moveIn(),
                o.moveOut(),
                o.updatedAt());
    }
}
