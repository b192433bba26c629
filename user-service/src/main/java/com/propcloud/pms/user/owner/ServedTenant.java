package com.propcloud.pms.user.owner;

import com.propcloud.pms.common.problem.NotFoundException;
import com.propcloud.pms.user.tenant.TenantDirectory;
import com.propcloud.pms.user.tenant.TenantRef;
import java.util.UUID;

/**
 * The tenant an internal owners route names in its path. A service token belongs to the platform, not
 * to the tenant it works for, so the path says whose people; the platform itself has none.
 */
final class ServedTenant {

    private ServedTenant() {}

    /** @throws NotFoundException for an unknown tenant or the platform */
    static TenantRef require(TenantDirectory tenants, UUID tenantId) {
        return tenants.find(tenantId)
                .filter(found -> !TenantDirectory.PLATFORM_CODE.equals(found.code()))
                .orElseThrow(() -> new NotFoundException("tenant", tenantId));
    }
}
