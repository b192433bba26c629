package com.propcloud.pms.user.tenant;

import java.time.Instant;
import java.util.UUID;

/** A tenant as platform operators see it. */
record TenantView(
        UUID id, String code, String name, String status, String timeZone, Instant createdAt, Instant updatedAt) {}
