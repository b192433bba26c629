package com.propcloud.pms.user.tenant;

import java.time.Instant;
import java.util.UUID;

/**
 * Payload of {@code user.tenant.updated}, schema version 1: the whole tenant as it is after the change
 * (not a diff), so a consumer simply replaces its copy unless the copy is newer. Golden file: {@code
 * src/test/resources/events/user.tenant.updated.v1.json}.
 *
 * @param status {@code ACTIVE} or {@code SUSPENDED}
 * @param timeZone an IANA zone id, where the tenant's business dates fall
 * @param updatedAt when the tenant last changed; a consumer ignores an update older than its copy
 */
record TenantUpdatedV1(UUID tenantId, String code, String name, String status, String timeZone, Instant updatedAt) {

    static final String TYPE = "user.tenant.updated";
    static final int VERSION = 1;
}
