package com.propcloud.pms.asset.equipment;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Published in-process, inside the registering transaction, when an item joins the ledger: maintenance
 * listens to give it the plans regulation requires (an elevator's every 15 days) without the ledger
 * knowing about plans.
 */
public record EquipmentRegistered(
        UUID equipmentId,
        UUID projectId,
        EquipmentCategory category,
        String name,
        @Nullable Integer maintenanceCycleDays,
        Instant registeredAt) {}
