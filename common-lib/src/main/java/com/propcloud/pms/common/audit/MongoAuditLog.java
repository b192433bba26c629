package com.propcloud.pms.common.audit;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Writes audit events to MongoDB from one background thread: {@link #record} only enqueues (bounded),
 * the writer drains batches with unordered inserts (insert only: nothing here updates or deletes),
 * retries a batch with exponential backoff while MongoDB is unreachable, and treats a duplicate id as
 * already written so that a retried batch never stores an event twice. Indexes are created by the
 * writer before its first batch, and again later if MongoDB was down at start.
 */
public class MongoAuditLog implements AuditLog, SmartLifecycle {

    static final String FAILED_METRIC = "pms.audit.write.failed";
    static final String WRITTEN_METRIC = "pms.audit.written";
    private static final Logger log = LoggerFactory.getLogger(MongoAuditLog.class);
    private static final Duration LOG_INTERVAL = Duration.ofMinutes(1);
    private static final int DUPLICATE_KEY = 11000;

    private final MongoCollection<Document> collection;
    private final @Nullable String source;
    private final BlockingQueue<AuditEvent> queue;
    private final int batchSize;
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final AtomicLong pending = new AtomicLong();
    private final MeterRegistry meters;
    private final Counter written;
    private final Map<String, RateLimitedWarning> warnings = new ConcurrentHashMap<>();
    private final Object idle = new Object();

    private volatile boolean indexed;
    private volatile boolean running;
    private volatile @Nullable Thread worker;

    public MongoAuditLog(
            MongoCollection<Document> collection,
            @Nullable String source,
            int queueCapacity,
            int batchSize,
            int maxAttempts,
            Duration initialBackoff,
            MeterRegistry meters) {
        this.collection = collection;
        this.source = source;
        this.queue = new LinkedBlockingQueue<>(queueCapacity);
        this.batchSize = batchSize;
        this.maxAttempts = maxAttempts;
        this.initialBackoff = initialBackoff;
        this.meters = meters;
        this.written = Counter.builder(WRITTEN_METRIC)
                .description("Audit events stored")
                .register(meters);
        Gauge.builder("pms.audit.queue", queue, BlockingQueue::size)
                .description("Audit events waiting to be written")
                .register(meters);
    }

    @Override
    public void record(AuditEvent event) {
        try {
            if (event == null) {
                return;
            }
            pending.incrementAndGet();
            if (!queue.offer(event)) {
                done(1);
                failed("queue-full", 1, null);
            }
        } catch (RuntimeException e) {
            // the audit trail must never break the operation it records
            failed("unexpected", 1, e);
        }
    }

    @Override
    public boolean flush(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (idle) {
            while (pending.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(idle, Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        Thread thread = new Thread(this::run, "pms-audit-writer");
        thread.setDaemon(true);
        worker = thread;
        thread.start();
    }

    @Override
    public void stop() {
        flush(Duration.ofSeconds(5));
        Thread thread;
        synchronized (this) {
            running = false;
            thread = worker;
            worker = null;
        }
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (pending.get() > 0) {
            log.warn("{} audit events were not written before shutdown", pending.get());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        List<AuditEvent> batch = new ArrayList<>(batchSize);
        while (running) {
            try {
                AuditEvent first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, batchSize - 1);
                writeWithRetries(batch);
            } catch (InterruptedException e) {
                if (!running) {
                    break;
                }
            } catch (RuntimeException e) {
                failed("unexpected", batch.size(), e);
                done(batch.size());
            } finally {
                batch.clear();
            }
        }
    }

    private void writeWithRetries(List<AuditEvent> batch) throws InterruptedException {
        List<Document> documents =
                batch.stream().map(e -> AuditDocuments.toDocument(e, source)).toList();
        Duration backoff = initialBackoff;
        for (int attempt = 1; ; attempt++) {
            try {
                ensureIndexes();
                collection.insertMany(documents, new InsertManyOptions().ordered(false));
                written.increment(documents.size());
                done(documents.size());
                return;
            } catch (MongoBulkWriteException e) {
                int rejected = 0;
                for (BulkWriteError error : e.getWriteErrors()) {
                    if (error.getCode() != DUPLICATE_KEY) {
                        rejected++;
                    }
                }
                written.increment(documents.size() - rejected);
                if (rejected > 0) {
                    failed("rejected", rejected, e);
                }
                done(documents.size());
                return;
            } catch (RuntimeException e) {
                if (attempt >= maxAttempts || !running) {
                    failed("unavailable", documents.size(), e);
                    done(documents.size());
                    return;
                }
                warn("retrying", "Audit write failed (attempt " + attempt + "), retrying: " + e, null);
                TimeUnit.MILLISECONDS.sleep(backoff.toMillis());
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0
                        ? Duration.ofSeconds(30)
                        : backoff.multipliedBy(2);
            }
        }
    }

    private void ensureIndexes() {
        if (indexed) {
            return;
        }
        AuditIndexes.ensure(collection);
        indexed = true;
    }

    private void done(int count) {
        if (pending.addAndGet(-count) <= 0) {
            synchronized (idle) {
                idle.notifyAll();
            }
        }
    }

    private void failed(String reason, int count, @Nullable Throwable cause) {
        try {
            Counter.builder(FAILED_METRIC)
                    .description("Audit events that could not be stored")
                    .tag("reason", reason)
                    .register(meters)
                    .increment(count);
            warn(reason, "Dropped " + count + " audit event(s) (" + reason + ")", cause);
        } catch (RuntimeException ignored) {
            // nothing more can be done without risking the caller
        }
    }

    /** Logs at most once a minute per reason, saying how many were suppressed in between. */
    private void warn(String reason, String message, @Nullable Throwable cause) {
        RateLimitedWarning warning = warnings.computeIfAbsent(reason, r -> new RateLimitedWarning());
        long suppressed = warning.tryAcquire();
        if (suppressed >= 0) {
            // the message carries no event content: details are scrubbed, but the log needs none of it
            String text = suppressed == 0 ? message : message + " [" + suppressed + " similar warnings suppressed]";
            if (cause == null) {
                log.warn(text);
            } else {
                log.warn("{}: {}", text, cause.toString());
            }
        }
    }

    private static final class RateLimitedWarning {
        private long lastNanos = System.nanoTime() - LOG_INTERVAL.toNanos();
        private long suppressed;

        /** -1 when this warning must be suppressed, else how many were suppressed since the last one. */
        synchronized long tryAcquire() {
            long now = System.nanoTime();
            if (now - lastNanos < LOG_INTERVAL.toNanos()) {
                suppressed++;
                return -1;
            }
            lastNanos = now;
            long count = suppressed;
            suppressed = 0;
            return count;
        }
    }
}
