package com.propcloud.pms.asset.equipment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Payload of {@code asset.equipment.created}, {@code asset.equipment.updated} and {@code
 * asset.equipment.deleted}, schema version 1: an item of the ledger as work orders (repair and
 * maintenance history) and reporting keep it. Whole state; on delete the last state. The QR code is
 * left out: it opens the record, and other services have no use for it. Add fields only.
 */
record EquipmentChangedV1(
        UUID equipmentId,
        UUID projectId,
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
        Equipment.Details d = equipment.details();
        return new EquipmentChangedV1(
                equipment.id(),
                equipment.projectId(),
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
                equipment.updatedAt());
    }
}
