package com.propcloud.pms.common.tenant.directory;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * This consumer's own copy of the payloads of {@code user.tenant.created} ({@code createdAt}) and
 * {@code user.tenant.updated} ({@code updatedAt}), schema version 1; fields it does not need are
 * ignored. The plan limits came later: a payload without them reads as unlimited.
 */
record TenantChangedV1(
        @Nullable UUID tenantId,
        @Nullable String code,
        @Nullable String name,
        @Nullable String status,
        @Nullable String timeZone,
        @Nullable Integer maxProjects,
        @Nullable Integer maxUnits,
        @Nullable Instant createdAt,
        @Nullable Instant updatedAt) {

    static final String CREATED = "user.tenant.created";
    static final String UPDATED = "user.tenant.updated";

    /** The tenant as of the event; its timestamp orders it against the copy already stored. */
    TenantRecord toRecord(Instant occurredAt) {
        Instant asOf = updatedAt != null ? updatedAt : createdAt != null ? createdAt : occurredAt;
        return TenantRecord.of(tenantId, code, name, status, timeZone, maxProjects, maxUnits, asOf);
    }
}
