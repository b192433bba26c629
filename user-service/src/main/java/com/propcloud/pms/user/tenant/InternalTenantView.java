package com.propcloud.pms.user.tenant;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A tenant as {@code GET /internal/v1/tenants} lists it for other services' read models: the same
 * fields (plan limits included, null for unlimited) as the {@code user.tenant.*} events, with {@code updatedAt} to order a snapshot against them.
 */
record InternalTenantView(
        UUID id,
        String code,
        String name,
        String status,
        String timeZone,
        @Nullable Integer maxProjects,
        @Nullable Integer maxUnits,
        Instant updatedAt) {}
