package com.propcloud.pms.common.audit;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A filter over the audit trail; every member is optional. {@code action} matches exactly, or by
 * prefix when it ends in {@code .*} ({@code auth.*}). {@code from} is inclusive, {@code to} exclusive.
 *
 * @param tenantId the tenant whose events to read; null reads every tenant's (platform operators only:
 *     the caller decides, from the token, who may leave it out)
 */
public record AuditQuery(
        @Nullable UUID tenantId,
        @Nullable String actorId,
        @Nullable String action,
        @Nullable String targetId,
        @Nullable Instant from,
        @Nullable Instant to) {

    public static AuditQuery forTenant(UUID tenantId) {
        return new AuditQuery(tenantId, null, null, null, null, null);
    }
}
