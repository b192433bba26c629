package com.propcloud.pms.iot.telemetry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Ingest's meters (Prometheus names in brackets): messages received ({@code
 * pms_telemetry_messages_received_total}), readings stored ({@code pms_telemetry_readings_stored_total}),
 * messages quarantined by {@code reason} ({@code pms_telemetry_messages_quarantined_total}), rows per
 * reading insert transaction ({@code pms_telemetry_batch_size}), time to write one flushed batch
 * ({@code pms_telemetry_flush_latency_seconds}), messages waiting in the buffer ({@code
 * pms_telemetry_buffer_depth}) and failed write attempts that will be retried ({@code
 * pms_telemetry_write_failures_total}).
 */
@Component
class TelemetryMetrics {

    private final MeterRegistry registry;
    private final Counter received;
    private final Counter stored;
    private final Map<QuarantineReason, Counter> quarantined = new EnumMap<>(QuarantineReason.class);
    private final DistributionSummary batchSize;
    private final Timer flushLatency;
    private final Counter writeFailures;

    TelemetryMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.received = Counter.builder("pms.telemetry.messages.received")
                .description("Telemetry messages received from the broker")
                .register(registry);
        this.stored = Counter.builder("pms.telemetry.readings.stored")
                .description(
                        "Readings written to telemetry.reading (a redelivered duplicate counts, but is stored once)")
                .register(registry);
        for (QuarantineReason reason : QuarantineReason.values()) {
            quarantined.put(
                    reason,
                    Counter.builder("pms.telemetry.messages.quarantined")
                            .description("Messages written to telemetry.quarantine")
                            .tag("reason", reason.code())
                            .register(registry));
        }
        this.batchSize = DistributionSummary.builder("pms.telemetry.batch.size")
                .description("Readings per insert transaction (one tenant's share of a flush)")
                .baseUnit("readings")
                .register(registry);
        this.flushLatency = Timer.builder("pms.telemetry.flush.latency")
                .description("Time to write one flushed batch, retries included")
                .register(registry);
        this.writeFailures = Counter.builder("pms.telemetry.write.failures")
                .description("Failed write attempts; each is retried with backoff")
                .register(registry);
    }

    void bufferDepth(Collection<?> buffer) {
        Gauge.builder("pms.telemetry.buffer.depth", buffer, Collection::size)
                .description("Messages received and not yet written")
                .register(registry);
    }

    void received() {
        received.increment();
    }

    void stored(int readings) {
        stored.increment(readings);
        batchSize.record(readings);
    }

    void quarantined(QuarantineReason reason) {
        quarantined.get(reason).increment();
    }

    void writeFailed() {
        writeFailures.increment();
    }

    Timer flushLatency() {
        return flushLatency;
    }
}
