package com.propcloud.pms.iot.tenant;

import com.propcloud.pms.common.tenant.directory.TenantDirectory;
import com.propcloud.pms.common.tenant.directory.TenantEntry;
import java.util.Optional;
import java.util.UUID;

/**
 * Resolves tenant codes through common-lib's tenant directory (this service's read model of
 * user-service's tenants). A suspended tenant still resolves: suspension stops its people, not the
 * readings of its devices, which are kept like the rest of its data.
 */
final class DirectoryTenantResolver implements TenantResolver {

    private final TenantDirectory directory;

    DirectoryTenantResolver(TenantDirectory directory) {
        this.directory = directory;
    }

    @Override
    public Optional<UUID> tenantIdOf(String code) {
        return directory.findByCode(code).map(TenantEntry::id);
    }
}
