package com.propcloud.pms.reporting.workorder;

import java.time.ZoneId;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The time zone whose calendar a tenant's business dates follow. Every tenant uses the platform
 * default ({@code Asia/Shanghai}) until tenants carry their own zone in the tenant directory.
 */
@Component
class TenantTimeZones {

    private final ZoneId defaultZone;

    TenantTimeZones(@Value("${pms.reporting.default-time-zone:Asia/Shanghai}") String defaultZone) {
        this.defaultZone = ZoneId.of(defaultZone);
    }

    ZoneId of(UUID tenantId) {
        return defaultZone;
    }
}
