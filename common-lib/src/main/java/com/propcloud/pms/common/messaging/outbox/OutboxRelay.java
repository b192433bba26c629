package com.propcloud.pms.common.messaging.outbox;

import com.propcloud.pms.common.messaging.MessagingProperties;
import com.propcloud.pms.common.messaging.broker.ConfirmingPublisher;
import com.propcloud.pms.common.messaging.envelope.EventEnvelope;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes committed outbox events to the events exchange and marks them sent once the broker has
 * confirmed them. Each round claims a batch with {@code for update skip locked}, so any number of relays
 * (threads or service instances) share one outbox without publishing an event twice while they run; the
 * lock is held until the batch is marked, so a relay that dies mid-batch leaves its rows to the others.
 * An event whose publish fails (broker down, nack, no confirm in time) is retried with exponential
 * backoff; other events of the batch are unaffected. Delivery is at least once: a crash after the
 * confirm and before the commit republishes, which the consumers' inbox absorbs.
 *
 * <p>A lifecycle bean, so tests (and an operator draining an instance) can {@link #stop()} it to stand
 * for a crash between commit and publish, and {@link #start()} it again. Off with {@code
 * pms.messaging.relay.enabled=false}.
 */
public final class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final JsonMapper PAYLOAD_READER = JsonMapper.builder().build();
    private static final Duration STATS_INTERVAL = Duration.ofSeconds(5);
    private static final Duration PURGE_INTERVAL = Duration.ofMinutes(10);
    private static final int MAX_ERROR_LENGTH = 2000;
    private static final AtomicInteger THREADS = new AtomicInteger();

    private static final String CLAIM = """
            select event_id, type, schema_version, tenant_id, project_id, aggregate_id, occurred_at,
                   payload::text as payload, attempts
            from outbox_event
            where sent_at is null and next_attempt_at <= now()
            order by created_at, seq
            limit ?
            for update skip locked""";
    private static final String MARK_SENT = """
            update outbox_event set sent_at = clock_timestamp(), attempts = attempts + 1, last_error = null
            where event_id = any(?)""";
    private static final String MARK_FAILED = """
            update outbox_event
            set attempts = attempts + 1,
                next_attempt_at = clock_timestamp() + ? * interval '1 millisecond',
                last_error = ?
            where event_id = ?""";
    private static final String STATS = """
            select count(*), coalesce(extract(epoch from clock_timestamp() - min(created_at)), 0)
            from outbox_event where sent_at is null""";
    private static final String PURGE = """
            delete from outbox_event
            where sent_at is not null and sent_at < clock_timestamp() - ? * interval '1 millisecond'""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ConfirmingPublisher publisher;
    private final String exchange;
    private final MessagingProperties.Relay settings;
    private final Counter published;
    private final Counter failed;
    private final AtomicBoolean wakeUpPending = new AtomicBoolean();
    private volatile boolean running;
    private volatile ScheduledExecutorService executor;
    private volatile long pending;
    private volatile double lagSeconds;
    private Instant lastStats = Instant.EPOCH;
    private Instant lastPurge = Instant.EPOCH;

    OutboxRelay(
            DataSource dataSource,
            ConfirmingPublisher publisher,
            MessagingProperties properties,
            MeterRegistry meters) {
        this.jdbc = new JdbcTemplate(dataSource);
        // a plain JDBC transaction of its own: the relay needs neither JPA nor a tenant
        this.transactions = new TransactionTemplate(new JdbcTransactionManager(dataSource));
        this.publisher = publisher;
        this.exchange = properties.exchange();
        this.settings = properties.relay();
        this.published = Counter.builder("pms.outbox.published")
                .description("Outbox events published and confirmed by the broker")
                .register(meters);
        this.failed = Counter.builder("pms.outbox.failed")
                .description("Outbox publish attempts that failed and will be retried")
                .register(meters);
        Gauge.builder("pms.outbox.pending", this, relay -> relay.pending)
                .description("Outbox events not yet published")
                .register(meters);
        TimeGauge.builder("pms.outbox.lag", this, TimeUnit.SECONDS, relay -> relay.lagSeconds)
                .description("Age of the oldest unpublished outbox event")
                .register(meters);
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        executor = Executors.newSingleThreadScheduledExecutor(work -> {
            Thread thread = new Thread(work, "pms-outbox-relay-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::drain, 0, settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops polling; a batch in flight finishes first, so nothing is left half-marked. */
    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        ScheduledExecutorService stopping = executor;
        stopping.shutdown();
        try {
            if (!stopping.awaitTermination(settings.confirmTimeout().toMillis() + 30_000, TimeUnit.MILLISECONDS)) {
                log.warn("Outbox relay did not finish its batch in time; its rows stay locked until rollback");
                stopping.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Asks for a round now (after a commit that appended events) rather than at the next poll. */
    void wakeUp() {
        ScheduledExecutorService current = executor;
        if (running && current != null && wakeUpPending.compareAndSet(false, true)) {
            try {
                current.execute(() -> {
                    wakeUpPending.set(false);
                    drain();
                });
            } catch (RejectedExecutionException e) {
                wakeUpPending.set(false); // stopping: the next start polls anyway
            }
        }
    }

    /** Relays full batches back to back until the outbox is drained, then does the housekeeping. */
    void drain() {
        if (!running) {
            return;
        }
        try {
            Round round;
            do {
                round = relayBatch();
            } while (running && round.claimed() == settings.batchSize() && !round.brokerDown());
            housekeeping();
        } catch (Throwable e) {
            // the database is unreachable or similar; swallowed, because a periodic task that throws is
            // never run again, and the next poll must still happen
            log.warn("Outbox relay round failed: {}", e.toString());
        }
    }

    /** One claimed batch: publish all, await the confirms, mark each row sent or failed. */
    Round relayBatch() {
        Round round = transactions.execute(status -> {
            List<Row> rows = jdbc.query(CLAIM, OutboxRelay::row, settings.batchSize());
            List<InFlight> inFlight = new ArrayList<>(rows.size());
            List<Failure> failures = new ArrayList<>();
            RuntimeException brokerDown = null;
            for (Row row : rows) {
                if (brokerDown != null) {
                    failures.add(new Failure(row, brokerDown));
                    continue;
                }
                try {
                    inFlight.add(new InFlight(row, publisher.send(exchange, row.type(), message(row.envelope()))));
                } catch (AmqpException e) {
                    // thrown before anything was sent: no connection or channel, so the rest of the batch
                    // would fail the same way; one attempt per round is enough
                    brokerDown = e;
                    failures.add(new Failure(row, e));
                } catch (RuntimeException e) {
                    failures.add(new Failure(row, e)); // this row cannot become an envelope
                }
            }
            long deadline = System.nanoTime() + settings.confirmTimeout().toNanos();
            List<UUID> sent = new ArrayList<>(inFlight.size());
            for (InFlight flight : inFlight) {
                try {
                    ConfirmingPublisher.await(flight.confirm(), Duration.ofNanos(deadline - System.nanoTime()));
                    sent.add(flight.row().eventId());
                } catch (RuntimeException e) {
                    failures.add(new Failure(flight.row(), e));
                }
            }
            markSent(sent);
            markFailed(failures);
            return new Round(rows.size(), brokerDown != null);
        });
        return round == null ? new Round(0, false) : round;
    }

    private void markSent(List<UUID> sent) {
        if (sent.isEmpty()) {
            return;
        }
        jdbc.update(
                MARK_SENT,
                statement -> statement.setArray(1, statement.getConnection().createArrayOf("uuid", sent.toArray())));
        published.increment(sent.size());
    }

    private void markFailed(List<Failure> failures) {
        if (failures.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(MARK_FAILED, failures, failures.size(), (statement, failure) -> {
            statement.setLong(1, backoff(settings, failure.row().attempts() + 1).toMillis());
            statement.setString(2, describe(failure.error()));
            statement.setObject(3, failure.row().eventId());
        });
        failed.increment(failures.size());
        Failure first = failures.get(0);
        log.warn(
                "Outbox relay could not publish {} event(s), retrying with backoff; first: {} ({}): {}",
                failures.size(),
                first.row().eventId(),
                first.row().type(),
                describe(first.error()));
    }

    /** {@code backoffMin * 2^(attempts-1)}, capped at {@code backoffMax}. */
    static Duration backoff(MessagingProperties.Relay settings, int attempts) {
        long min = settings.backoffMin().toMillis();
        long max = settings.backoffMax().toMillis();
        int doublings = Math.min(Math.max(attempts - 1, 0), 30);
        return Duration.ofMillis(Math.min(max, min << doublings));
    }

    private void housekeeping() {
        Instant now = Instant.now();
        if (Duration.between(lastStats, now).compareTo(STATS_INTERVAL) >= 0) {
            lastStats = now;
            jdbc.query(STATS, rs -> {
                pending = rs.getLong(1);
                lagSeconds = rs.getDouble(2);
            });
        }
        if (Duration.between(lastPurge, now).compareTo(PURGE_INTERVAL) >= 0) {
            lastPurge = now;
            int purged = jdbc.update(PURGE, settings.retention().toMillis());
            if (purged > 0) {
                log.debug("Purged {} sent outbox events older than {}", purged, settings.retention());
            }
        }
    }

    private static Message message(EventEnvelope envelope) {
        return MessageBuilder.withBody(envelope.toJson())
                .setContentType(MessageProperties.CONTENT_TYPE_JSON)
                .setContentEncoding("UTF-8")
                .setDeliveryMode(MessageDeliveryMode.PERSISTENT)
                .setMessageId(envelope.eventId().toString())
                .setType(envelope.type())
                .setTimestamp(Date.from(envelope.occurredAt()))
                .build();
    }

    private static Row row(ResultSet rs, int rowNum) throws SQLException {
        return new Row(
                rs.getObject("event_id", UUID.class),
                rs.getString("type"),
                rs.getInt("schema_version"),
                rs.getObject("tenant_id", UUID.class),
                rs.getObject("project_id", UUID.class),
                rs.getObject("aggregate_id", UUID.class),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getString("payload"),
                rs.getInt("attempts"));
    }

    /** The error and its innermost cause: "AmqpIOException: java.io.IOException" alone helps nobody. */
    private static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = error.getClass().getSimpleName() + ": " + error.getMessage();
        if (root != error) {
            text += " (cause: " + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
        }
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
    }

    record Round(int claimed, boolean brokerDown) {}

    /** A claimed row as stored; turned into an envelope per row, so one bad row cannot block the batch. */
    private record Row(
            UUID eventId,
            String type,
            int schemaVersion,
            UUID tenantId,
            @Nullable UUID projectId,
            UUID aggregateId,
            Instant occurredAt,
            String payload,
            int attempts) {

        EventEnvelope envelope() {
            return new EventEnvelope(
                    eventId,
                    type,
                    schemaVersion,
                    tenantId,
                    projectId,
                    aggregateId,
                    occurredAt,
                    PAYLOAD_READER.readTree(payload));
        }
    }

    private record InFlight(Row row, CompletableFuture<Void> confirm) {}

    private record Failure(Row row, RuntimeException error) {}
}
