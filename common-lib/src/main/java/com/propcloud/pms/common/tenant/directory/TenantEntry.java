package com.propcloud.pms.common.tenant.directory;

import java.time.ZoneId;
import java.util.Objects;
import java.util.UUID;

/**
 * A tenant as the platform's services know it from user-service.
 *
 * @param code the lower-case code people log in with and MQTT topics carry
 * @param status {@code ACTIVE} or {@code SUSPENDED} (a suspended tenant keeps its data)
 * @param timeZone where the tenant's business dates (daily reports, billing periods) fall
 */
public record TenantEntry(UUID id, String code, String name, String status, ZoneId timeZone) {

    public static final String ACTIVE = "ACTIVE";
    public static final String SUSPENDED = "SUSPENDED";

    public TenantEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(timeZone, "timeZone");
    }

    /** Whether its people may use the platform (not suspended). */
    public boolean active() {
        return ACTIVE.equals(status);
    }
}
