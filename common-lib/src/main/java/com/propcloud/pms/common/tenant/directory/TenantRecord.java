package com.propcloud.pms.common.tenant.directory;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One tenant as user-service described it at {@code updatedAt}, from its internal API or an event:
 * what the table stores, and what decides which of two copies is newer.
 *
 * @param maxProjects the plan's limits (and {@code maxUnits}), null for unlimited, also when an older payload lacks them
 */
record TenantRecord(
        UUID id,
        String code,
        String name,
        String status,
        ZoneId timeZone,
        @Nullable Integer maxProjects,
        @Nullable Integer maxUnits,
        Instant updatedAt) {

    TenantRecord {
        if (id == null || code == null || name == null || status == null || timeZone == null || updatedAt == null) {
            throw new IllegalArgumentException("A tenant needs id, code, name, status, timeZone and a timestamp");
        }
        code = normalizeCode(code);
        status = status.strip().toUpperCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for a missing field or a time zone Java does not know */
    static TenantRecord of(
            @Nullable UUID id,
            @Nullable String code,
            @Nullable String name,
            @Nullable String status,
            @Nullable String timeZone,
            @Nullable Integer maxProjects,
            @Nullable Integer maxUnits,
            @Nullable Instant updatedAt) {
        if (timeZone == null) {
            throw new IllegalArgumentException("Tenant " + id + " has no time zone");
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("Tenant " + id + " has an unknown time zone: " + timeZone, e);
        }
        return new TenantRecord(id, code, name, status, zone, maxProjects, maxUnits, updatedAt);
    }

    /** As user-service compares codes: without case or surrounding blanks. */
    static String normalizeCode(String code) {
        return code.strip().toLowerCase(Locale.ROOT);
    }

    TenantEntry entry() {
        return new TenantEntry(id, code, name, status, timeZone, maxProjects, maxUnits);
    }
}
