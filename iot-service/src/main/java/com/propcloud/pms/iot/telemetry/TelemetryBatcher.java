package com.propcloud.pms.iot.telemetry;

import com.propcloud.pms.iot.mqtt.MqttConnection;
import com.propcloud.pms.iot.telemetry.TelemetryParser.Reading;
import com.propcloud.pms.iot.telemetry.TelemetryParser.Rejection;
import com.propcloud.pms.iot.telemetry.TelemetryWriter.QuarantineRow;
import com.propcloud.pms.iot.telemetry.TelemetryWriter.ReadingRow;
import com.propcloud.pms.iot.tenant.TenantResolver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.stereotype.Component;

/**
 * Buffers received messages and writes them in batches: a flush happens when {@code batch-size}
 * messages are waiting or the oldest has waited {@code flush-interval}. Each tenant's readings of a
 * flush are one multi-row insert in one transaction with the tenant set for row-level security;
 * quarantined messages of the flush are one more. A message is acknowledged to the broker only
 * after its transaction commits, so a crash before that leaves it with the broker.
 *
 * <p>A failed write is retried with exponential backoff and never dropped; meanwhile the broker
 * stops sending once the client's receive maximum of unacknowledged messages is reached, which
 * bounds the buffer. A write the database refuses as data (no retry would help) is split into
 * single rows, and only the refused ones are quarantined as {@code store-rejected}, so one bad row
 * never blocks good ones. Stopping writes what is buffered (for at most {@code shutdown-timeout}).
 */
@Component
class TelemetryBatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TelemetryBatcher.class);
    private static final Duration IDLE_POLL = Duration.ofMillis(100);
    private static final int QUARANTINED_PAYLOAD_BYTES_WHEN_TOO_LARGE = 1024;

    private final TelemetryWriter store;
    private final TenantResolver tenants;
    private final TelemetryMetrics metrics;
    private final TelemetryProperties properties;
    private final BlockingQueue<ReceivedMessage> buffer = new LinkedBlockingQueue<>();
    private final Object sleeper = new Object();
    /** From construction on: a resumed session may deliver before the flusher runs; it waits in the buffer. */
    private volatile boolean accepting = true;

    private volatile boolean stopping;
    private volatile long stopDeadline;
    private @Nullable Thread flusher;

    TelemetryBatcher(
            TelemetryWriter store, TenantResolver tenants, TelemetryMetrics metrics, TelemetryProperties properties) {
        this.store = store;
        this.tenants = tenants;
        this.metrics = metrics;
        this.properties = properties;
        metrics.bufferDepth(buffer);
    }

    /** Takes a message for writing; false once stopping, when the message must stay unacknowledged. */
    boolean submit(ReceivedMessage message) {
        if (!accepting) {
            return false;
        }
        buffer.add(message);
        return true;
    }

    @Override
    public synchronized void start() {
        if (flusher != null) {
            return;
        }
        stopping = false;
        accepting = true;
        Thread thread = new Thread(this::run, "telemetry-flusher");
        thread.setDaemon(true);
        thread.start();
        flusher = thread;
    }

    @Override
    public synchronized void stop() {
        Thread thread = flusher;
        if (thread == null) {
            return;
        }
        accepting = false;
        stopDeadline = System.nanoTime() + properties.shutdownTimeout().toNanos();
        stopping = true;
        synchronized (sleeper) {
            sleeper.notifyAll();
        }
        try {
            thread.join(properties.shutdownTimeout().plusSeconds(2).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!buffer.isEmpty()) {
            log.warn("{} telemetry messages left unwritten and unacknowledged at shutdown", buffer.size());
        }
        flusher = null;
    }

    @Override
    public boolean isRunning() {
        return flusher != null;
    }

    /** Starts after the broker connection, stops before it: the last acknowledgements still go out. */
    @Override
    public int getPhase() {
        return MqttConnection.PHASE + 10;
    }

    private void run() {
        while (!stopping || !buffer.isEmpty()) {
            List<ReceivedMessage> batch;
            try {
                batch = nextBatch();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (batch.isEmpty()) {
                continue;
            }
            try {
                flush(batch);
            } catch (GaveUp e) {
                log.error("Telemetry writes still failing at shutdown; {} messages stay unacknowledged", e.pending);
                return;
            } catch (RuntimeException e) {
                log.error("Flushing {} telemetry messages failed unexpectedly", batch.size(), e);
                quarantineUnacknowledged(batch, e);
            }
        }
    }

    private List<ReceivedMessage> nextBatch() throws InterruptedException {
        List<ReceivedMessage> batch = new ArrayList<>();
        ReceivedMessage first = buffer.poll(IDLE_POLL.toMillis(), TimeUnit.MILLISECONDS);
        if (first == null) {
            return batch;
        }
        batch.add(first);
        long deadline = first.enqueuedNanos() + properties.flushInterval().toNanos();
        int size = properties.batchSize();
        while (batch.size() < size) {
            buffer.drainTo(batch, size - batch.size());
            long wait = deadline - System.nanoTime();
            if (batch.size() >= size || wait <= 0 || stopping) {
                break;
            }
            // in slices, so that stopping is noticed at once
            ReceivedMessage next = buffer.poll(Math.min(wait, IDLE_POLL.toNanos()), TimeUnit.NANOSECONDS);
            if (next != null) {
                batch.add(next);
            }
        }
        return batch;
    }

    private void flush(List<ReceivedMessage> batch) {
        long started = System.nanoTime();
        Map<String, Optional<UUID>> resolved = new HashMap<>();
        Map<UUID, List<ReceivedMessage>> readings = new LinkedHashMap<>();
        List<ReceivedMessage> quarantined = new ArrayList<>();
        List<QuarantineRow> quarantineRows = new ArrayList<>();
        for (ReceivedMessage message : batch) {
            String code = message.parsed().tenantCode();
            Optional<UUID> tenant = code == null
                    ? Optional.empty()
                    : resolved.computeIfAbsent(
                            code, c -> retrying("Resolving tenant code " + c, () -> tenants.tenantIdOf(c)));
            TelemetryParser.Outcome outcome = message.parsed().outcome();
            if (outcome instanceof Reading && tenant.isPresent()) {
                readings.computeIfAbsent(tenant.get(), t -> new ArrayList<>()).add(message);
            } else {
                quarantined.add(message);
                quarantineRows.add(quarantineRow(message, tenant.orElse(null), outcome));
            }
        }
        for (Map.Entry<UUID, List<ReceivedMessage>> group : readings.entrySet()) {
            writeReadings(group.getKey(), group.getValue(), quarantined, quarantineRows);
        }
        if (!quarantineRows.isEmpty()) {
            writeQuarantine(quarantined, quarantineRows);
        }
        metrics.flushLatency().record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }

    private void writeReadings(
            UUID tenant,
            List<ReceivedMessage> messages,
            List<ReceivedMessage> quarantined,
            List<QuarantineRow> quarantineRows) {
        List<ReadingRow> rows = messages.stream().map(TelemetryBatcher::row).toList();
        RuntimeException refused = writing("readings", () -> store.insertReadings(tenant, rows), messages.size());
        if (refused == null) {
            metrics.stored(rows.size());
            messages.forEach(ReceivedMessage::acknowledge);
            return;
        }
        // one row is bad data: find it by writing the rows one by one, keep the others
        log.warn(
                "The database refused a batch of {} readings ({}); writing them one by one",
                rows.size(),
                refused.getMessage());
        for (int i = 0; i < rows.size(); i++) {
            ReceivedMessage message = messages.get(i);
            ReadingRow row = rows.get(i);
            RuntimeException rowRefused = writing("a reading", () -> store.insertReadings(tenant, List.of(row)), 1);
            if (rowRefused == null) {
                metrics.stored(1);
                message.acknowledge();
            } else {
                quarantined.add(message);
                quarantineRows.add(quarantineRow(
                        message,
                        tenant,
                        new Rejection(
                                QuarantineReason.STORE_REJECTED, TelemetryParser.clip(rowRefused.getMessage(), 500))));
            }
        }
    }

    private void writeQuarantine(List<ReceivedMessage> messages, List<QuarantineRow> rows) {
        RuntimeException refused = writing("quarantined messages", () -> store.insertQuarantine(rows), rows.size());
        if (refused == null) {
            rows.forEach(row -> metrics.quarantined(row.reason()));
            messages.forEach(ReceivedMessage::acknowledge);
            return;
        }
        for (int i = 0; i < rows.size(); i++) {
            QuarantineRow row = rows.get(i);
            RuntimeException rowRefused =
                    writing("a quarantined message", () -> store.insertQuarantine(List.of(row)), 1);
            if (rowRefused != null) {
                // keep the why even when the what cannot be stored; never let one message block the rest
                QuarantineRow bare = new QuarantineRow(
                        row.id(),
                        row.tenantId(),
                        TelemetryParser.clip(row.topic(), 1024),
                        "",
                        row.reason(),
                        TelemetryParser.clip(row.detail() + "; payload not storable: " + rowRefused.getMessage(), 1000),
                        row.receivedAt());
                if (writing("a quarantined message", () -> store.insertQuarantine(List.of(bare)), 1) != null) {
                    log.error("Dropping an unstorable message on {}: {}", row.topic(), rowRefused.getMessage());
                }
            }
            metrics.quarantined(row.reason());
            messages.get(i).acknowledge();
        }
    }

    /** Quarantines what a failed flush left unacknowledged, so the broker's acknowledgement order never stalls. */
    private void quarantineUnacknowledged(List<ReceivedMessage> batch, RuntimeException failure) {
        List<ReceivedMessage> left =
                batch.stream().filter(m -> !m.isAcknowledged()).toList();
        List<QuarantineRow> rows = left.stream()
                .map(m -> quarantineRow(
                        m,
                        null,
                        new Rejection(
                                QuarantineReason.PROCESSING_FAILED,
                                TelemetryParser.clip(String.valueOf(failure), 500))))
                .toList();
        try {
            if (!rows.isEmpty()) {
                writeQuarantine(left, rows);
            }
        } catch (GaveUp e) {
            log.error("{} telemetry messages stay unacknowledged", e.pending);
        } catch (RuntimeException e) {
            log.error("Could not quarantine {} messages after a failed flush", left.size(), e);
        }
    }

    private static ReadingRow row(ReceivedMessage message) {
        Reading reading = (Reading) message.parsed().outcome();
        return new ReadingRow(reading.deviceId(), reading.ts(), reading.metricsJson());
    }

    private QuarantineRow quarantineRow(
            ReceivedMessage message, @Nullable UUID tenant, TelemetryParser.Outcome outcome) {
        QuarantineReason reason;
        String detail;
        if (outcome instanceof Rejection rejection) {
            reason = rejection.reason();
            detail = rejection.detail();
        } else {
            reason = QuarantineReason.UNKNOWN_TENANT;
            detail = "'" + message.parsed().tenantCode() + "' is not a known tenant code";
        }
        if (tenant == null
                && reason != QuarantineReason.INVALID_TOPIC
                && reason != QuarantineReason.PROCESSING_FAILED) {
            // a message of no known tenant is nobody's data, whatever else is wrong with it
            if (reason != QuarantineReason.UNKNOWN_TENANT) {
                detail = "'" + message.parsed().tenantCode() + "' is not a known tenant code (and " + reason.code()
                        + ": " + detail + ")";
            }
            reason = QuarantineReason.UNKNOWN_TENANT;
        }
        int keep = reason == QuarantineReason.PAYLOAD_TOO_LARGE
                ? QUARANTINED_PAYLOAD_BYTES_WHEN_TOO_LARGE
                : properties.maxPayloadBytes();
        return new QuarantineRow(
                UUID.randomUUID(),
                tenant,
                message.topic(),
                TelemetryParser.printable(message.payload(), keep),
                reason,
                detail,
                message.receivedAt());
    }

    /**
     * Runs a write until it succeeds (null) or the database refuses its data (the exception);
     * transient failures are retried with backoff until shutdown's deadline passes ({@link GaveUp}).
     */
    private @Nullable RuntimeException writing(String what, Runnable write, int pending) {
        Duration backoff = properties.retryInitialBackoff();
        while (true) {
            try {
                write.run();
                return null;
            } catch (RuntimeException e) {
                if (TelemetryWriter.isDataError(e)) {
                    return e;
                }
                backoff = failed("Writing " + what, e, backoff, pending);
            }
        }
    }

    private <T> T retrying(String what, Supplier<T> work) {
        Duration backoff = properties.retryInitialBackoff();
        while (true) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                backoff = failed(what, e, backoff, buffer.size() + properties.batchSize());
            }
        }
    }

    private Duration failed(String what, RuntimeException e, Duration backoff, int pending) {
        metrics.writeFailed();
        if (stopping && System.nanoTime() - stopDeadline > 0) {
            throw new GaveUp(pending);
        }
        log.warn(
                "{} failed, retrying in {} ms: {}",
                what,
                backoff.toMillis(),
                NestedExceptionUtils.getMostSpecificCause(e).getMessage());
        long waitMillis = backoff.toMillis();
        if (stopping) {
            waitMillis = Math.min(waitMillis, TimeUnit.NANOSECONDS.toMillis(stopDeadline - System.nanoTime()));
        }
        synchronized (sleeper) {
            try {
                sleeper.wait(Math.max(1, waitMillis));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new GaveUp(pending);
            }
        }
        Duration doubled = backoff.multipliedBy(2);
        return doubled.compareTo(properties.retryMaxBackoff()) > 0 ? properties.retryMaxBackoff() : doubled;
    }

    /** Shutdown's deadline passed while a write kept failing. */
    private static final class GaveUp extends RuntimeException {

        private final int pending;

        GaveUp(int pending) {
            super(null, null, false, false);
            this.pending = pending;
        }
    }
}
