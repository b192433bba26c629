package com.propcloud.pms.asset.registry;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Payload of {@code asset.project.created}, {@code asset.project.updated} and {@code
 * asset.project.deleted}, schema version 1: the project as other services keep it (user-service shows
 * project names beside staff scopes; reporting groups by project). Whole state, not a diff; on delete
 * the last state. Add fields only, never rename or remove. Golden files: {@code
 * src/test/resources/events/asset.project.*.v1.json}.
 *
 * @param updatedAt a consumer ignores an update older than its copy
 */
record ProjectChangedV1(
        UUID projectId,
        String code,
        String name,
        ProjectType type,
        ProjectStatus status,
        @Nullable UUID regionId,
        Instant updatedAt) {

    static final String CREATED = "asset.project.created";
    static final String UPDATED = "asset.project.updated";
    static final String DELETED = "asset.project.deleted";
    static final int VERSION = 1;

    static ProjectChangedV1 of(Project project) {
        Project.Details d = project.details();
        return new ProjectChangedV1(
                project.id(), d.code(), d.name(), d.type(), d.status(), d.regionId(), project.updatedAt());
    }
}
