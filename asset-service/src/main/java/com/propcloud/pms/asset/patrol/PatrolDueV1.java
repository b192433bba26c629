package com.propcloud.pms.asset.patrol;

import com.propcloud.pms.asset.maintenance.Skill;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Payload of {@code asset.patrol.due}, schema version 1: one round of a patrol route, announced its lead
 * time ahead, so the work-order service can create the patrol task with its checkpoints in order.
 * {@code (routeId, dueAt)} names the occurrence; it is announced once. At least one of {@code skill} and
 * {@code role} is set. Add fields only.
 */
record PatrolDueV1(
        UUID routeId,
        UUID projectId,
        String name,
        @Nullable Skill skill,
        @Nullable String role,
        List<CheckpointV1> checkpoints,
        Instant dueAt,
        LocalDate dueDate) {

    static final String TYPE = "asset.patrol.due";
    static final int VERSION = 1;

    /** A checkpoint in walking order, from 1. */
    record CheckpointV1(int position, String code, String location) {}
}
