package com.propcloud.pms.user.tenant;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A tenant as platform operators see it.
 *
 * @param contactPhone masked ({@code 138****5678}); the full number is never shown
 */
record TenantView(
        UUID id,
        String code,
        String name,
        String status,
        String timeZone,
        @Nullable String contactName,
        @Schema(example = "138****5678") @Nullable String contactPhone,
        @Nullable String contactEmail,
        Limits limits,
        Instant createdAt,
        Instant updatedAt) {

    /** The plan's limits; null is unlimited. */
    record Limits(@Nullable Integer maxProjects, @Nullable Integer maxUnits) {}
}
