package com.propcloud.pms.common.tenant.directory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Fills the table from user-service once the service has started (its queue for the tenant events is
 * declared by then, so no change falls between the list and the events), on a background thread: a
 * user-service that is down or slow never delays or fails this service's start. A failed attempt is
 * retried with exponential backoff until one succeeds; from then on the events keep the table current.
 */
final class TenantDirectoryBootstrap implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TenantDirectoryBootstrap.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final TenantRefresher refresher;
    private final Duration retryMin;
    private final Duration retryMax;
    private @Nullable ScheduledExecutorService executor;
    private volatile boolean running;
    private int failures;

    TenantDirectoryBootstrap(TenantRefresher refresher, Duration retryMin, Duration retryMax) {
        this.refresher = refresher;
        this.retryMin = retryMin;
        this.retryMax = retryMax;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        failures = 0;
        executor = Executors.newSingleThreadScheduledExecutor(work -> {
            Thread thread = new Thread(work, "pms-tenant-directory-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        executor.execute(this::attempt);
    }

    private void attempt() {
        if (!running) {
            return;
        }
        if (refresher.refresh()) {
            log.info("Tenant directory bootstrapped");
            return;
        }
        failures++;
        Duration delay = backoff(retryMin, retryMax, failures);
        ScheduledExecutorService current = executor;
        if (running && current != null) {
            try {
                current.schedule(this::attempt, delay.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                // stopping
            }
        }
    }

    /** {@code min * 2^(failures-1)}, at most {@code max}. */
    static Duration backoff(Duration min, Duration max, int failures) {
        int doublings = Math.min(Math.max(failures - 1, 0), 30);
        long millis = Math.min(max.toMillis(), min.toMillis() << doublings);
        return Duration.ofMillis(Math.max(millis, 1));
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
