package com.propcloud.pms.asset.registry;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Payload of {@code asset.unit.created}, {@code asset.unit.updated} and {@code asset.unit.deleted},
 * schema version 1: a unit as other services keep it (billing charges by area, work orders and
 * reporting group by project and building). Areas are exact decimals in square metres. Whole state;
 * on delete the last state. Add fields only.
 */
record UnitChangedV1(
        UUID unitId,
        UUID projectId,
        UUID buildingId,
        String number,
        int floor,
        @Nullable String entrance,
        UnitType type,
        UnitStatus status,
        BigDecimal grossArea,
        @Nullable BigDecimal innerArea,
        @Nullable LocalDate handoverDate,
        Instant updatedAt) {

    static final String CREATED = "asset.unit.created";
    static final String UPDATED = "asset.unit.updated";
    static final String DELETED = "asset.unit.deleted";
    static final int VERSION = 1;

    static UnitChangedV1 of(Unit unit) {
        Unit.Details d = unit.details();
        return new UnitChangedV1(
                unit.id(),
                unit.projectId(),
                unit.buildingId(),
                d.number(),
                d.floor(),
                d.entrance(),
                d.type(),
                d.status(),
                d.grossArea(),
                d.innerArea(),
                d.handoverDate(),
                unit.updatedAt());
    }
}
