package com.propcloud.pms.reporting.workorder;

import com.propcloud.pms.common.tenant.directory.TenantDirectory;
import com.propcloud.pms.common.tenant.directory.TenantEntry;
import java.time.ZoneId;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The time zone whose calendar a tenant's business dates follow: the tenant's own, from the tenant
 * directory (user-service's tenants, copied here by common-lib), or the platform default ({@code
 * Asia/Shanghai}) for a tenant the directory does not know (yet) or where the directory is off. An
 * unknown tenant costs at most one refetch from user-service per few seconds, never an error.
 */
@Component
class TenantTimeZones {

    private final ObjectProvider<TenantDirectory> directory;
    private final ZoneId defaultZone;

    TenantTimeZones(
            ObjectProvider<TenantDirectory> directory,
            @Value("${pms.reporting.default-time-zone:Asia/Shanghai}") String defaultZone) {
        this.directory = directory;
        this.defaultZone = ZoneId.of(defaultZone);
    }

    ZoneId of(UUID tenantId) {
        TenantDirectory tenants = directory.getIfAvailable();
        if (tenants == null) {
            return defaultZone;
        }
        return tenants.findById(tenantId).map(TenantEntry::timeZone).orElse(defaultZone);
    }
}
