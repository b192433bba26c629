package com.propcloud.pms.user.tenant;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Payload of {@code user.tenant.created}, schema version 1: a tenant as other services copy it into
 * their read models. Golden file: {@code src/test/resources/events/user.tenant.created.v1.json}.
 *
 * @param status {@code ACTIVE} or {@code SUSPENDED}
 * @param timeZone an IANA zone id, where the tenant's business dates fall
 * @param maxProjects the plan's limit on projects, null for unlimited (added later: a consumer treats an
 *     absent field as unlimited)
 * @param maxUnits the plan's limit on units over all projects, null for unlimited (likewise)
 * @param createdAt when the tenant was registered; orders this copy before any later update
 */
record TenantCreatedV1(
        UUID tenantId,
        String code,
        String name,
        String status,
        String timeZone,
        @Nullable Integer maxProjects,
        @Nullable Integer maxUnits,
        Instant createdAt) {

    static final String TYPE = "user.tenant.created";
    static final int VERSION = 1;
}
