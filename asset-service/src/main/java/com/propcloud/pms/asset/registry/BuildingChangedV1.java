package com.propcloud.pms.asset.registry;

import java.time.Instant;
import java.util.UUID;

/**
 * Payload of {@code asset.building.created}, {@code asset.building.updated} and {@code
 * asset.building.deleted}, schema version 1: a building as other services keep it (labels on tickets,
 * bills and devices). Whole state; on delete the last state. Add fields only.
 */
record BuildingChangedV1(
        UUID buildingId,
        UUID projectId,
        String code,
        String name,
        int floorsAbove,
        int floorsBelow,
        Instant updatedAt) {

    static final String CREATED = "asset.building.created";
    static final String UPDATED = "asset.building.updated";
    static final String DELETED = "asset.building.deleted";
    static final int VERSION = 1;

    static BuildingChangedV1 of(Building building) {
        Building.Details d = building.details();
        return new BuildingChangedV1(
                building.id(),
                building.projectId(),
                d.code(),
                d.name(),
                d.floorsAbove(),
                d.floorsBelow(),
                building.updatedAt());
    }
}
