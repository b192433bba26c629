package com.propcloud.pms.asset.importing;

import com.propcloud.pms.common.tenant.TenantContext;
import jakarta.annotation.PreDestroy;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The threads imports run on. A request hands its import over and waits a while for it; the run goes
 * on if the request stops waiting. A sweep takes over runs whose instance stopped (their heartbeat went
 * stale) and gives up on one that has died too often, so an upload or commit always ends, here or on
 * another instance.
 */
@Component
class ImportWorker {

    private static final Logger log = LoggerFactory.getLogger(ImportWorker.class);

    private final ImportExecution execution;
    private final ImportRuns runs;
    private final ImportProperties properties;
    private final ExecutorService pool;
    /** Imports running in this instance: a sweep never starts a second run of one of them here. */
    private final Set<UUID> running = ConcurrentHashMap.newKeySet();

    private ScheduledExecutorService sweeper;

    ImportWorker(ImportExecution execution, ImportRuns runs, ImportProperties properties) {
        this.execution = execution;
        this.runs = runs;
        this.properties = properties;
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(properties.workers(), work -> {
            Thread thread = new Thread(work, "asset-import-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Runs the import in the background; the future completes when this run ends, however it ends. */
    CompletableFuture<Void> submit(UUID importId, UUID tenantId) {
        return CompletableFuture.runAsync(() -> runOnce(importId, tenantId), pool);
    }

    @EventListener(ApplicationReadyEvent.class)
    synchronized void startSweeping() {
        if (sweeper != null) {
            return;
        }
        sweeper = Executors.newSingleThreadScheduledExecutor(work -> {
            Thread thread = new Thread(work, "asset-import-sweep");
            thread.setDaemon(true);
            return thread;
        });
        long millis = properties.sweepInterval().toMillis();
        sweeper.scheduleWithFixedDelay(this::sweep, millis, millis, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    synchronized void stop() {
        if (sweeper != null) {
            sweeper.shutdownNow();
        }
        pool.shutdownNow();
    }

    /** Takes over every stale run there is now. */
    void sweep() {
        try {
            for (var claimed = runs.claimStale(properties.staleAfter());
                    claimed.isPresent();
                    claimed = runs.claimStale(properties.staleAfter())) {
                var run = claimed.get();
                if (run.attempts() > properties.maxAttempts()) {
                    TenantContext.runAs(run.tenantId(), () -> execution.abandon(run.importId(), run.attempts() - 1));
                } else if (!running.contains(run.importId())) {
                    log.info("Resuming import {} (attempt {})", run.importId(), run.attempts());
                    submit(run.importId(), run.tenantId());
                }
            }
        } catch (RuntimeException e) {
            log.warn("Sweeping for stale imports failed; trying again next time", e);
        }
    }

    private void runOnce(UUID importId, UUID tenantId) {
        if (!running.add(importId)) {
            return;
        }
        try {
            TenantContext.runAs(tenantId, () -> {
                try {
                    execution.run(importId);
                } catch (SheetDefinition.RetryLater waiting) {
                    // the run stays open; its heartbeat lapses and a later sweep tries again
                    runs.note(importId, waiting.getMessage());
                    log.info("Import {} waits: {}", importId, waiting.getMessage());
                } catch (Exception e) {
                    log.error("Import {} stopped; a later sweep retries it", importId, e);
                }
            });
        } finally {
            running.remove(importId);
        }
    }
}
