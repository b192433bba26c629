package com.propcloud.pms.asset.equipment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Payload of {@code asset.equipment.created}, {@code asset.equipment.updated} and {@code
 * asset.equipment.deleted}, schema version 1: an item of the ledger as work orders (repair and
 * maintenance history) and reporting keep it. Whole state; on delete the last state. The QR code is
 * left out: it opens the record, and other services have no use for it. Add fields only ({@code code},
 * the ledger number, came later and is null for items registered without one).
 */
record EquipmentChangedV1(
        UUID equipmentId,
        UUID projectId,
        @Nullable String code,
        @Nullable UUID buildingId,
        EquipmentCategory category,
        String name,
        @Nullable String brand,
        @Nullable String model,
        @Nullable String serialNumber,
        @Nullable Integer floor,
        @Nullable String location,
        @Nullable LocalDate installDate,
        @Nullable LocalDate warrantyEnd,
        EquipmentStatus status,
        @Nullable Integer maintenanceCycleDays,
        Instant updatedAt) {

    static final String CREATED = "asset.equipment.created";
    static final String UPDATED = "asset.equipment.updated";
    static final String DELETED = "asset.equipment.deleted";
    static final int VERSION = 1;

    static EquipmentChangedV1 of(Equipment equipment) {
        return of(equipment.id(), equipment.projectId(), equipment.details(), equipment.updatedAt());
    }

    /** An item's state as the import writes it, without an entity. */
    static EquipmentChangedV1 of(UUID id, UUID projectId, Equipment.Details d, Instant updatedAt) {
        return new EquipmentChangedV1(
                id,
                projectId,
                d.code(),
                d.buildingId(),
                d.category(),
                d.name(),
                d.brand(),
                d.model(),
                d.serialNumber(),
                d.floor(),
                d.location(),
                d.installDate(),
                d.warrantyEnd(),
                d.status(),
                d.maintenanceCycleDays(),
                updatedAt);
    }
}
