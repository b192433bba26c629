package com.propcloud.pms.asset.maintenance;

import com.propcloud.pms.asset.equipment.EquipmentCategory;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Payload of {@code asset.maintenance.due}, schema version 1: one occurrence of a maintenance plan,
 * announced its lead time ahead, so the work-order service can create the task. Exactly one of {@code
 * equipmentId} and {@code category} is set. {@code (planId, dueAt)} names the occurrence; it is
 * announced once. {@code dueDate} is {@code dueAt}'s local date. Add fields only.
 */
record MaintenanceDueV1(
        UUID planId,
        UUID projectId,
        @Nullable UUID equipmentId,
        @Nullable EquipmentCategory category,
        String name,
        Skill skill,
        List<String> checklist,
        Instant dueAt,
        LocalDate dueDate) {

    static final String TYPE = "asset.maintenance.due";
    static final int VERSION = 1;
}
