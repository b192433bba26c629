package com.propcloud.pms.user.tenant;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Payload of {@code user.tenant.updated}, schema version 1: the whole tenant as it is after the change
 * (not a diff), so a consumer simply replaces its copy unless the copy is newer. Golden file: {@code
 * src/test/resources/events/user.tenant.updated.v1.json}.
 *
 * @param status {@code ACTIVE} or {@code SUSPENDED}
 * @param timeZone an IANA zone id, where the tenant's business dates fall
 * @param maxProjects the plan's limit on projects, null for unlimited (added later: a consumer treats an
 *     absent field as unlimited)
 * @param maxUnits the plan's limit on units over all projects, null for unlimited (likewise)
 * @param updatedAt when the tenant last changed; a consumer ignores an update older than its copy
 */
record TenantUpdatedV1(
        UUID tenantId,
        String code,
        String name,
        String status,
        String timeZone,
        @Nullable Integer maxProjects,
        @Nullable Integer maxUnits,
        Instant updatedAt) {

    static final String TYPE = "user.tenant.updated";
    static final int VERSION = 1;
}
