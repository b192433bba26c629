package com.propcloud.pms.common.tenant;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The tenant the current unit of work acts for. Set only from a trusted source: the validated
 * token's {@code tid} for API requests, the envelope's {@code tenantId} for event consumers, the
 * topic's tenant code for MQTT ingest, and each tenant in turn for scheduled jobs. Never from a
 * client-supplied header or body field.
 */
public final class TenantContext {

    private static final ThreadLocal<UUID> CURRENT = new ThreadLocal<>();

    private TenantContext() {}

    public static Optional<UUID> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** The current tenant, or an error: tenant-owned work must never run without one. */
    public static UUID require() {
        UUID tenant = CURRENT.get();
        if (tenant == null) {
            throw new IllegalStateException("No tenant in context: tenant-owned work needs one");
        }
        return tenant;
    }

    public static void runAs(UUID tenantId, Runnable work) {
        callAs(tenantId, () -> {
            work.run();
            return null;
        });
    }

    /** Runs {@code work} for {@code tenantId}, restoring whatever tenant was current before. */
    public static <T> T callAs(UUID tenantId, Supplier<T> work) {
        UUID previous = CURRENT.get();
        CURRENT.set(tenantId);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    /** For request filters that span a whole request; pair with {@link #clear()} in a finally block. */
    public static void set(UUID tenantId) {
        CURRENT.set(tenantId);
    }

    public static void clear() {
        CURRENT.remove();
    }
}
