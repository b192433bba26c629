package com.propcloud.pms.iot.telemetry;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Telemetry ingest: validation limits, batching, retries and partition upkeep.
 *
 * @param batchSize readings written per flush at most (one multi-row insert per tenant in it)
 * @param flushInterval longest a received message waits in the buffer before its batch is flushed
 * @param maxPayloadBytes larger payloads are quarantined as {@code payload-too-large}
 * @param maxMetrics most metrics one reading may carry
 * @param maxFuture how far ahead of the service's clock a reading's {@code ts} may be
 * @param maxAge how far back a reading's {@code ts} may be (older means a device clock that was never set)
 * @param retryInitialBackoff first wait after a failed write; doubles up to {@code retryMaxBackoff}
 * @param retryMaxBackoff longest wait between two attempts of a failed write (writes are never dropped)
 * @param shutdownTimeout how long stopping waits for the buffer to be written before giving up (the
 *     messages stay unacknowledged)
 * @param partitionMonthsAhead monthly partitions kept ready beyond the current month (the previous
 *     month's is kept too, for late readings)
 * @param partitionCheckInterval how often partition upkeep runs (also once at start)
 */
@Validated
@ConfigurationProperties("pms.iot.telemetry")
public record TelemetryProperties(
        @DefaultValue("500") @Min(1) @Max(5000) int batchSize,
        @DefaultValue("200ms") Duration flushInterval,
        @DefaultValue("65536") @Min(256) int maxPayloadBytes,
        @DefaultValue("100") @Min(1) int maxMetrics,
        @DefaultValue("1d") Duration maxFuture,
        @DefaultValue("400d") Duration maxAge,
        @DefaultValue("200ms") Duration retryInitialBackoff,
        @DefaultValue("30s") Duration retryMaxBackoff,
        @DefaultValue("10s") Duration shutdownTimeout,
        @DefaultValue("2") @Min(1) @Max(24) int partitionMonthsAhead,
        @DefaultValue("6h") Duration partitionCheckInterval) {}
