package com.propcloud.pms.iot.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.propcloud.pms.iot.telemetry.TelemetryParser.Parsed;
import com.propcloud.pms.iot.telemetry.TelemetryParser.Reading;
import com.propcloud.pms.iot.telemetry.TelemetryParser.Rejection;
import com.propcloud.pms.iot.telemetry.TelemetryWriter.QuarantineRow;
import com.propcloud.pms.iot.telemetry.TelemetryWriter.ReadingRow;
import com.propcloud.pms.iot.tenant.TenantResolver;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Batching, acknowledgement and retry rules, with the database replaced by a recording fake. */
class TelemetryBatcherTests {

    private static final UUID DEMO = UUID.randomUUID();
    private static final UUID ACME = UUID.randomUUID();
    private static final TenantResolver TENANTS =
            code -> Optional.ofNullable(Map.of("demo", DEMO, "acme", ACME).get(code));

    private final FakeWriter writer = new FakeWriter();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private TelemetryBatcher batcher;

    @AfterEach
    void stop() {
        if (batcher != null) {
            batcher.stop();
        }
    }

    @Test
    void writesOneTransactionPerTenantAndAcknowledgesOnlyAfterIt() {
        batcher = start(properties(100, Duration.ofMillis(50), Duration.ofSeconds(5)), TENANTS);
        List<Message> messages =
                List.of(reading("demo", "a"), reading("acme", "b"), reading("demo", "c"), reading("nobody", "d"));
        messages.forEach(m -> batcher.submit(m.received));

        await().atMost(Duration.ofSeconds(5)).until(() -> messages.stream().allMatch(m -> m.acked.get()));
        assertThat(writer.readingCalls).containsExactlyInAnyOrder(DEMO + ":2", ACME + ":1");
        assertThat(writer.quarantined)
                .extracting(QuarantineRow::reason)
                .containsExactly(QuarantineReason.UNKNOWN_TENANT);
        assertThat(meters.get("pms.telemetry.batch.size").summary().count()).isEqualTo(2);
        assertThat(meters.get("pms.telemetry.readings.stored").counter().count())
                .isEqualTo(3);
    }

    @Test
    void aFailingWriteIsRetriedAndNothingIsAcknowledgedBeforeItSucceeds() {
        writer.failuresLeft.set(Integer.MAX_VALUE);
        batcher = start(properties(100, Duration.ofMillis(10), Duration.ofSeconds(5)), TENANTS);
        Message message = reading("demo", "a");
        batcher.submit(message.received);

        await().atMost(Duration.ofSeconds(5)).until(() -> writer.attempts.get() >= 3);
        assertThat(message.acked).isFalse();
        writer.failuresLeft.set(0);
        await().atMost(Duration.ofSeconds(5)).untilTrue(message.acked);
        assertThat(writer.stored).hasSize(1);
        assertThat(meters.get("pms.telemetry.write.failures").counter().count()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aRowRefusedAsDataIsQuarantinedAndTheOthersAreStored() {
        writer.poison = "bad";
        batcher = start(properties(100, Duration.ofMillis(50), Duration.ofSeconds(5)), TENANTS);
        List<Message> messages = List.of(reading("demo", "ok-1"), reading("demo", "bad"), reading("demo", "ok-2"));
        messages.forEach(m -> batcher.submit(m.received));

        await().atMost(Duration.ofSeconds(5)).until(() -> messages.stream().allMatch(m -> m.acked.get()));
        assertThat(writer.stored).extracting(ReadingRow::deviceId).containsExactlyInAnyOrder("ok-1", "ok-2");
        assertThat(writer.quarantined).singleElement().satisfies(q -> {
            assertThat(q.reason()).isEqualTo(QuarantineReason.STORE_REJECTED);
            assertThat(q.tenantId()).isEqualTo(DEMO);
        });
    }

    @Test
    void aTenantLookupThatFailsIsRetriedNotQuarantined() {
        AtomicInteger lookups = new AtomicInteger();
        TenantResolver flaky = code -> {
            if (lookups.incrementAndGet() < 3) {
                throw new IllegalStateException("directory unavailable");
            }
            return TENANTS.tenantIdOf(code);
        };
        batcher = start(properties(100, Duration.ofMillis(10), Duration.ofSeconds(5)), flaky);
        Message message = reading("demo", "a");
        batcher.submit(message.received);

        await().atMost(Duration.ofSeconds(5)).untilTrue(message.acked);
        assertThat(writer.stored).hasSize(1);
        assertThat(writer.quarantined).isEmpty();
    }

    @Test
    void aFullBatchIsFlushedWithoutWaitingForTheInterval() {
        batcher = start(properties(3, Duration.ofHours(1), Duration.ofSeconds(5)), TENANTS);
        List<Message> messages = List.of(reading("demo", "a"), reading("demo", "b"), reading("demo", "c"));
        messages.forEach(m -> batcher.submit(m.received));

        await().atMost(Duration.ofSeconds(5)).until(() -> messages.stream().allMatch(m -> m.acked.get()));
        assertThat(writer.readingCalls).containsExactly(DEMO + ":3");
    }

    @Test
    void stoppingWritesWhatIsBufferedAndThenTakesNoMore() {
        batcher = start(properties(100, Duration.ofHours(1), Duration.ofSeconds(5)), TENANTS);
        Message message = reading("demo", "a");
        batcher.submit(message.received);

        batcher.stop();

        assertThat(message.acked).isTrue();
        assertThat(batcher.submit(reading("demo", "late").received)).isFalse();
    }

    @Test
    void stoppingGivesUpOnAWriteThatKeepsFailingAndLeavesItUnacknowledged() {
        writer.failuresLeft.set(Integer.MAX_VALUE);
        batcher = start(properties(100, Duration.ofMillis(10), Duration.ofMillis(300)), TENANTS);
        Message message = reading("demo", "a");
        batcher.submit(message.received);
        await().atMost(Duration.ofSeconds(5)).until(() -> writer.attempts.get() >= 1);

        long started = System.nanoTime();
        batcher.stop();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        assertThat(message.acked).isFalse();
    }

    private TelemetryBatcher start(TelemetryProperties properties, TenantResolver tenants) {
        TelemetryBatcher started = new TelemetryBatcher(writer, tenants, new TelemetryMetrics(meters), properties);
        started.start();
        return started;
    }

    private static TelemetryProperties properties(int batchSize, Duration flushInterval, Duration shutdownTimeout) {
        return new TelemetryProperties(
                batchSize,
                flushInterval,
                65536,
                100,
                Duration.ofDays(1),
                Duration.ofDays(400),
                Duration.ofMillis(20),
                Duration.ofMillis(100),
                shutdownTimeout,
                2,
                Duration.ofHours(6));
    }

    private static Message reading(String tenantCode, String deviceId) {
        AtomicBoolean acked = new AtomicBoolean();
        Parsed parsed =
                new Parsed(tenantCode, new Reading(deviceId, Instant.parse("2026-11-21T10:00:00Z"), "{\"kwh\":1}"));
        String topic = "pms/" + tenantCode + "/" + deviceId + "/telemetry";
        return new Message(
                new ReceivedMessage(topic, new byte[0], Instant.now(), parsed, () -> acked.set(true)), acked);
    }

    private record Message(ReceivedMessage received, AtomicBoolean acked) {}

    /** Records writes; fails the first {@code failuresLeft} attempts as a lost connection would. */
    private static final class FakeWriter extends TelemetryWriter {

        final AtomicInteger failuresLeft = new AtomicInteger();
        final AtomicInteger attempts = new AtomicInteger();
        final List<String> readingCalls = new CopyOnWriteArrayList<>();
        final List<ReadingRow> stored = new CopyOnWriteArrayList<>();
        final List<QuarantineRow> quarantined = new CopyOnWriteArrayList<>();
        volatile String poison = "";

        FakeWriter() {
            super(new DriverManagerDataSource());
        }

        @Override
        void insertReadings(UUID tenantId, List<ReadingRow> rows) {
            attempts.incrementAndGet();
            if (failuresLeft.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
                throw new DataAccessResourceFailureException("connection lost", new SQLException("gone", "08006"));
            }
            if (rows.stream().anyMatch(r -> r.deviceId().equals(poison))) {
                throw new DataIntegrityViolationException("refused", new SQLException("check violation", "23514"));
            }
            readingCalls.add(tenantId + ":" + rows.size());
            stored.addAll(rows);
        }

        @Override
        void insertQuarantine(List<QuarantineRow> rows) {
            quarantined.addAll(rows);
        }
    }

    @Test
    void classifiesDataErrorsBySqlState() {
        assertThat(TelemetryWriter.isDataError(
                        new DataIntegrityViolationException("x", new SQLException("m", "22003"))))
                .isTrue();
        assertThat(TelemetryWriter.isDataError(
                        new DataAccessResourceFailureException("x", new SQLException("m", "08006"))))
                .isFalse();
        assertThat(TelemetryWriter.isDataError(new IllegalStateException("no sql")))
                .isFalse();
        assertThat(new Rejection(QuarantineReason.INVALID_TS, "d").reason().code())
                .isEqualTo("invalid-ts");
    }
}
