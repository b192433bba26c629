package com.propcloud.pms.asset.schedule;

import com.propcloud.pms.common.tenant.TenantContext;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Announces due maintenance and patrols: every {@code asset.schedule.interval}, visits each tenant that
 * has schedules, with that tenant set (row-level security), and lets every {@link ScheduleSource}
 * announce what falls within its lead time.
 *
 * <p>Several instances run this. A Redisson lock lets one sweep at a time, which saves work; it is not
 * what makes an announcement once-only. That is the occurrence table's unique key ({@link
 * Occurrences}), so a lock lost to a Redis failover or an expired lease costs at most a rolled-back
 * transaction. Without Redis the sweep runs unlocked for the same reason, rather than letting
 * schedules lapse.
 */
@Component
class DueScheduler {

    private static final Logger log = LoggerFactory.getLogger(DueScheduler.class);
    static final String LOCK = "asset:schedule:sweep";

    private final List<ScheduleSource> sources;
    private final RedissonClient redis;
    private final JdbcTemplate jdbc;
    private final ScheduleProperties properties;
    private final Clock clock;
    private @Nullable ScheduledExecutorService executor;

    DueScheduler(
            List<ScheduleSource> sources,
            RedissonClient redis,
            JdbcTemplate jdbc,
            ScheduleProperties properties,
            Clock clock) {
        this.sources = sources;
        this.redis = redis;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** What one sweep did; {@code skipped} when another instance held the lock. */
    record Sweep(boolean skipped, int tenants, int announced) {}

    @EventListener(ApplicationReadyEvent.class)
    synchronized void start() {
        if (!properties.enabled() || executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(work -> {
            Thread thread = new Thread(work, "asset-due-scheduler");
            thread.setDaemon(true);
            return thread;
        });
        long millis = properties.interval().toMillis();
        executor.scheduleWithFixedDelay(this::sweepQuietly, millis, millis, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    private void sweepQuietly() {
        try {
            Sweep sweep = sweep();
            if (sweep.announced() > 0) {
                log.info("Announced {} due occurrences across {} tenants", sweep.announced(), sweep.tenants());
            }
        } catch (RuntimeException e) {
            log.warn("Due sweep failed; the next one retries", e);
        }
    }

    /** One sweep across every tenant, unless another instance is sweeping right now. */
    Sweep sweep() {
        RLock lock = redis.getLock(LOCK);
        boolean locked;
        try {
            // no waiting: the instance holding the lock covers this round; the watchdog extends its lease
            locked = lock.tryLock();
        } catch (RuntimeException e) {
            log.warn(
                    "Due sweep lock unavailable ({}); sweeping unlocked, the occurrence key keeps it once-only",
                    e.toString());
            return sweepAll();
        }
        if (!locked) {
            return new Sweep(true, 0, 0);
        }
        try {
            return sweepAll();
        } finally {
            unlock(lock);
        }
    }

    private Sweep sweepAll() {
        // a technical table outside row-level security: the only cross-tenant read here
        List<UUID> tenants = jdbc.queryForList("select tenant_id from schedule_tenant order by tenant_id", UUID.class);
        int announced = 0;
        for (UUID tenant : tenants) {
            announced += sweepTenant(tenant);
        }
        return new Sweep(false, tenants.size(), announced);
    }

    /** One tenant's due occurrences; a failure is logged and leaves the other tenants unaffected. */
    int sweepTenant(UUID tenant) {
        Instant now = clock.instant();
        int announced = 0;
        for (ScheduleSource source : sources) {
            try {
                announced += TenantContext.callAs(tenant, () -> source.announceDue(now));
            } catch (RuntimeException e) {
                // e.g. another sweep advanced the same schedule (optimistic lock): it announced, we need not
                log.warn(
                        "Due sweep of tenant {} by {} failed: {}",
                        tenant,
                        source.getClass().getSimpleName(),
                        e.toString());
            }
        }
        return announced;
    }

    private static void unlock(RLock lock) {
        try {
            if (lock.isHeldByCurrentThread()) {
                lock.unlock();
            }
        } catch (RuntimeException e) {
            log.warn("Could not release the due sweep lock; its lease expires by itself: {}", e.toString());
        }
    }
}
