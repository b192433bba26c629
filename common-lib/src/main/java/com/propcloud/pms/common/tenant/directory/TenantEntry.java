package com.propcloud.pms.common.tenant.directory;

import java.time.ZoneId;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A tenant as the platform's services know it from user-service.
 *
 * @param code the lower-case code people log in with and MQTT topics carry
 * @param status {@code ACTIVE} or {@code SUSPENDED} (a suspended tenant keeps its data)
 * @param timeZone where the tenant's business dates (daily reports, billing periods) fall
 * @param maxProjects the plan's limit on projects, null for unlimited
 * @param maxUnits the plan's limit on units over all its projects, null for unlimited
 */
public record TenantEntry(
        UUID id,
        String code,
        String name,
        String status,
        ZoneId timeZone,
        @Nullable Integer maxProjects,
        @Nullable Integer maxUnits) {

    public static final String ACTIVE = "ACTIVE";
    public static final String SUSPENDED = "SUSPENDED";

    public TenantEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(timeZone, "timeZone");
    }

    /** A tenant without plan limits. */
    public TenantEntry(UUID id, String code, String name, String status, ZoneId timeZone) {
        this(id, code, name, status, timeZone, null, null);
    }

    /** Whether its people may use the platform (not suspended). */
    public boolean active() {
        return ACTIVE.equals(status);
    }
}
