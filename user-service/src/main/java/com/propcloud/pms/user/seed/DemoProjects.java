package com.propcloud.pms.user.seed;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * The demo tenants' projects, which asset-service's demo seed creates. Their ids are derived from
 * the tenant and project codes (the same derivation as asset-service's seed: a name-based UUID of
 * {@code "pms-demo-project:<tenant code>:<project code>"}), so the demo staff can be given their
 * project scope here without either seed waiting for the other.
 */
final class DemoProjects {

    private DemoProjects() {}

    /** The projects of a demo tenant's project-scoped staff. */
    static List<UUID> of(String tenantCode) {
        return switch (tenantCode) {
            case DemoSeedRunner.DEMO -> List.of(id(tenantCode, "EMERALD-LAKE"), id(tenantCode, "HUIJIN-TOWER"));
            case DemoSeedRunner.ACME -> List.of(id(tenantCode, "PINE-COURT"));
            default -> List.of();
        };
    }

    static UUID id(String tenantCode, String projectCode) {
        return UUID.nameUUIDFromBytes(
                ("pms-demo-project:" + tenantCode + ":" + projectCode).getBytes(StandardCharsets.UTF_8));
    }
}
