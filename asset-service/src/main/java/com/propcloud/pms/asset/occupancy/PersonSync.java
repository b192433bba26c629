package com.propcloud.pms.asset.occupancy;

import com.propcloud.pms.common.tenant.TenantContext;
import com.propcloud.pms.common.tenant.directory.TenantDirectory;
import com.propcloud.pms.common.tenant.directory.TenantEntry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
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
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Copies user-service's people into the {@link Person} projection from its internal listing ({@link
 * PeopleRegistry#changed}), for every tenant of the tenant directory: people who existed before
 * asset-service subscribed to {@code user.owner.*}, and changes whose events were lost. Each page is
 * written with the projection's guarded upsert (a newer copy is never overwritten) and the tenant's
 * progress in {@code person_sync}, in one transaction, so the next run asks only for what changed since
 * (less {@code asset.person-sync.margin}).
 *
 * <p>Runs in the background once the application is ready, so a user-service that is down neither
 * delays nor fails the start: a run that cannot finish is retried with backoff, a finished one repeats
 * every {@code asset.person-sync.interval}. A Redisson lock lets one instance run at a time, which saves
 * work only; the upsert is idempotent, and without Redis the run goes unlocked.
 */
@Component
class PersonSync {

    private static final Logger log = LoggerFactory.getLogger(PersonSync.class);
    static final String LOCK = "asset:person-sync";
    private static final String PLATFORM = "platform";

    private static final String PROGRESS = """
            select synced_until from person_sync where tenant_id = ?""";

    // greatest() keeps the mark from moving back should two runs overlap; it ignores a null
    private static final String ADVANCE = """
            insert into person_sync (tenant_id, synced_until, checked_at) values (?, ?, ?)
            on conflict (tenant_id) do update set
                synced_until = greatest(person_sync.synced_until, excluded.synced_until),
                checked_at = excluded.checked_at""";

    private static final String CHECKED = """
            insert into person_sync (tenant_id, checked_at) values (?, ?)
            on conflict (tenant_id) do update set checked_at = excluded.checked_at""";

    private final TenantDirectory tenants;
    private final PeopleRegistry people;
    private final PersonProjection projection;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final RedissonClient redis;
    private final PersonSyncProperties properties;
    private final Clock clock;
    private final Counter synced;
    private @Nullable ScheduledExecutorService executor;
    private int failures;

    PersonSync(
            TenantDirectory tenants,
            PeopleRegistry people,
            PersonProjection projection,
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            RedissonClient redis,
            PersonSyncProperties properties,
            Clock clock,
            MeterRegistry meters) {
        this.tenants = tenants;
        this.people = people;
        this.projection = projection;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.redis = redis;
        this.properties = properties;
        this.clock = clock;
        this.synced = Counter.builder("pms.person-sync.people")
                .description("People copied from user-service's listing into the person projection")
                .register(meters);
    }

    /**
     * What one run did: {@code skipped} when another instance held the lock; {@code failed} tenants
     * (user-service unreachable stops the run at the first).
     */
    record Run(boolean skipped, int tenants, int failed, int people) {

        /** Whether the run may wait the whole interval: nothing left to retry, and a directory to go by. */
        boolean finished() {
            return skipped || (failed == 0 && tenants > 0);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    synchronized void start() {
        if (!properties.enabled() || executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(work -> {
            Thread thread = new Thread(work, "asset-person-sync");
            thread.setDaemon(true);
            return thread;
        });
        executor.execute(this::runAndReschedule);
    }

    @PreDestroy
    synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    private void runAndReschedule() {
        boolean finished;
        try {
            Run run = runOnce();
            finished = run.finished();
            if (run.people() > 0 || run.failed() > 0) {
                log.info(
                        "Person sync: {} people listed across {} tenants, {} tenants failed",
                        run.people(),
                        run.tenants(),
                        run.failed());
            }
        } catch (RuntimeException e) {
            log.warn("Person sync failed; retrying", e);
            finished = false;
        }
        failures = finished ? 0 : failures + 1;
        Duration delay = finished ? properties.interval() : backoff(failures);
        synchronized (this) {
            if (executor != null) {
                try {
                    executor.schedule(this::runAndReschedule, delay.toMillis(), TimeUnit.MILLISECONDS);
                } catch (RejectedExecutionException e) {
                    // stopping
                }
            }
        }
    }

    /** {@code retryMin * 2^(failures-1)}, at most {@code retryMax} and never beyond the interval. */
    Duration backoff(int failures) {
        long ceiling =
                Math.min(properties.retryMax().toMillis(), properties.interval().toMillis());
        long millis = properties.retryMin().toMillis() << Math.min(Math.max(failures - 1, 0), 30);
        return Duration.ofMillis(Math.max(1, Math.min(ceiling, millis)));
    }

    /** One run across every tenant, unless another instance is running one right now. */
    Run runOnce() {
        RLock lock = redis.getLock(LOCK);
        boolean locked;
        try {
            // no waiting: the instance holding the lock covers this round
            locked = lock.tryLock();
        } catch (RuntimeException e) {
            log.warn("Person sync lock unavailable ({}); running unlocked, the upsert is idempotent", e.toString());
            return runAll();
        }
        if (!locked) {
            return new Run(true, 0, 0, 0);
        }
        try {
            return runAll();
        } finally {
            try {
                if (lock.isHeldByCurrentThread()) {
                    lock.unlock();
                }
            } catch (RuntimeException e) {
                log.warn("Could not release the person sync lock; its lease expires by itself: {}", e.toString());
            }
        }
    }

    private Run runAll() {
        // the platform tenant holds operators and services, no people (user-service answers 404)
        List<UUID> ids = tenants.all().stream()
                .filter(tenant -> !PLATFORM.equals(tenant.code()))
                .map(TenantEntry::id)
                .toList();
        int listed = 0;
        int failed = 0;
        for (int i = 0; i < ids.size(); i++) {
            UUID tenant = ids.get(i);
            try {
                listed += syncTenant(tenant);
            } catch (PeopleRegistry.Unavailable e) {
                // every further tenant would wait for the same timeout: the retry covers them all
                log.warn("Person sync stopped at tenant {}: {}", tenant, e.getMessage());
                return new Run(false, ids.size(), failed + ids.size() - i, listed);
            } catch (RuntimeException e) {
                failed++;
                log.warn("Person sync of tenant {} failed: {}", tenant, e.toString());
            }
        }
        return new Run(false, ids.size(), failed, listed);
    }

    /**
     * Lists the tenant's people changed since its mark (less the margin; everyone the first time) page by
     * page, each page upserted with the mark moved to its newest change in one transaction.
     *
     * @return how many people user-service listed
     */
    int syncTenant(UUID tenant) {
        Instant checkedAt = clock.instant();
        List<Timestamp> marks = jdbc.queryForList(PROGRESS, Timestamp.class, tenant);
        Timestamp mark = marks.isEmpty() ? null : marks.get(0);
        PeopleRegistry.Cursor cursor =
                mark == null ? null : new PeopleRegistry.Cursor(mark.toInstant().minus(properties.margin()), null);
        int listed = 0;
        do {
            PeopleRegistry.Changes page = people.changed(tenant, cursor, properties.pageSize());
            List<PeopleRegistry.Snapshot> found = page.people();
            if (!found.isEmpty()) {
                Instant newest = found.get(found.size() - 1).updatedAt();
                TenantContext.runAs(
                        tenant,
                        () -> transactions.executeWithoutResult(tx -> {
                            projection.recordAll(tenant, found, Timestamp.from(clock.instant()));
                            jdbc.update(ADVANCE, tenant, Timestamp.from(newest), Timestamp.from(checkedAt));
                        }));
                listed += found.size();
                synced.increment(found.size());
            }
            cursor = page.next();
        } while (cursor != null);
        if (listed == 0) {
            jdbc.update(CHECKED, tenant, Timestamp.from(checkedAt));
        }
        return listed;
    }
}
