package com.propcloud.pms.user.tenant;

import java.time.Instant;
import java.util.UUID;

/**
 * Payload of {@code user.tenant.created}, schema version 1: a tenant as other services copy it into
 * their read models. Golden file: {@code src/test/resources/events/user.tenant.created.v1.json}.
 *
 * @param status {@code ACTIVE} or {@code SUSPENDED}
 * @param timeZone an IANA zone id, where the tenant's business dates fall
 * @param createdAt when the tenant was registered; orders this copy before any later update
 */
record TenantCreatedV1(UUID tenantId, String code, String name, String status, String timeZone, Instant createdAt) {

    static final String TYPE = "user.tenant.created";
    static final int VERSION = 1;
}
