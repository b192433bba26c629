package com.propcloud.pms.common.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.propcloud.pms.common.messaging.MessagingProperties;
import com.propcloud.pms.common.messaging.MessagingTestApplication;
import com.propcloud.pms.common.messaging.TestBroker;
import com.propcloud.pms.common.messaging.broker.ConfirmingPublisher;
import com.propcloud.pms.common.messaging.envelope.EventEnvelope;
import com.propcloud.pms.common.tenant.TenantContext;
import com.propcloud.pms.test.Endpoint;
import com.propcloud.pms.test.TcpProxy;
import com.propcloud.pms.test.TestInfrastructure;
import com.propcloud.pms.test.UsesPmsInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The relay's promise: every committed event reaches the exchange exactly once in normal operation,
 * and broker outages, relay crashes and competing relays delay events but never lose or duplicate them.
 */
@UsesPmsInfrastructure
@SpringBootTest(
        classes = MessagingTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "pms.database.name=outboxit",
            "pms.messaging.relay.poll-interval=100ms",
            "pms.messaging.relay.batch-size=20",
            "pms.messaging.relay.backoff-min=100ms",
            "pms.messaging.relay.backoff-max=500ms",
            "pms.messaging.relay.confirm-timeout=5s"
        })
class OutboxRelayIT {

    private static final UUID TENANT = UUID.randomUUID();
    private static final Duration QUIET = Duration.ofMillis(700);

    /** A producer's payload record. */
    record ThingHappenedV1(int number, Instant at) {}

    @Autowired
    Outbox outbox;

    @Autowired
    OutboxRelay relay;

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    MessagingProperties properties;

    @Autowired
    MeterRegistry meters;

    TransactionTemplate transactions;
    JdbcTemplate jdbc;
    TestBroker broker;
    final List<AutoCloseable> cleanUp = new ArrayList<>();

    @BeforeEach
    void setUp() {
        transactions = new TransactionTemplate(transactionManager);
        jdbc = new JdbcTemplate(dataSource);
        broker = TestBroker.connect();
    }

    @AfterEach
    void tearDown() throws Exception {
        for (int i = cleanUp.size() - 1; i >= 0; i--) {
            cleanUp.get(i).close();
        }
        broker.close();
        relay.start();
    }

    @Test
    void twoRelaysPublishEachEventExactlyOnce() throws Exception {
        String type = "outboxit.race.happened";
        TestBroker.Received received = broker.listen(type);
        relay.stop();
        List<UUID> expected = new ArrayList<>(appendCommitted(type, 150));
        Endpoint rabbit = TestInfrastructure.get().rabbit();
        SimpleMeterRegistry secondMeters = new SimpleMeterRegistry();
        OutboxRelay second = secondRelay(rabbit.host(), rabbit.port(), secondMeters);
        double firstBefore = published(meters);

        // both start on the same backlog, then race for what keeps arriving from several writers
        relay.start();
        second.start();
        ExecutorService writers = Executors.newFixedThreadPool(3);
        List<Future<List<UUID>>> writes = IntStream.range(0, 3)
                .mapToObj(i -> writers.submit(() -> appendCommitted(type, 50)))
                .toList();
        for (Future<List<UUID>> write : writes) {
            expected.addAll(write.get());
        }
        writers.shutdown();

        await().atMost(Duration.ofSeconds(30)).until(() -> received.messageIds().size() >= 300);
        Thread.sleep(QUIET.toMillis());
        assertThat(received.counts()).isEqualTo(onceEach(expected));
        double firstShare = published(meters) - firstBefore;
        double secondShare = published(secondMeters);
        assertThat(firstShare + secondShare).isEqualTo(300);
        assertThat(List.of(firstShare, secondShare)).allMatch(share -> share > 0); // both really competed
    }

    @Test
    void brokerOutageDelaysEventsWithoutLosingAny() throws Exception {
        String type = "outboxit.outage.happened";
        TestBroker.Received received = broker.listen(type);
        Endpoint rabbit = TestInfrastructure.get().rabbit();
        TcpProxy proxy = TcpProxy.start(rabbit.host(), rabbit.port());
        cleanUp.add(proxy);
        relay.stop(); // only the relay behind the proxy publishes here
        OutboxRelay relayBehindProxy = secondRelay(proxy.host(), proxy.port());
        relayBehindProxy.start();
        List<UUID> before = appendCommitted(type, 10);
        await().atMost(Duration.ofSeconds(10)).until(() -> received.messageIds().size() == 10);

        proxy.cut();
        List<UUID> during = appendCommitted(type, 30);
        await().atMost(Duration.ofSeconds(10)).until(() -> failedAttempts(during) == during.size());
        assertThat(received.messageIds()).hasSize(10);
        proxy.restore();

        List<UUID> expected = new ArrayList<>(before);
        expected.addAll(during);
        await().atMost(Duration.ofSeconds(15)).until(() -> received.messageIds().size() >= 40);
        Thread.sleep(QUIET.toMillis());
        assertThat(received.counts()).isEqualTo(onceEach(expected));
    }

    @Test
    void eventsCommittedWhileTheRelayIsDownArePublishedWhenItStarts() throws Exception {
        String type = "outboxit.crash.happened";
        TestBroker.Received received = broker.listen(type);
        relay.stop(); // as if the service died right after the commit

        List<UUID> committed = appendCommitted(type, 10);
        Thread.sleep(QUIET.toMillis());
        assertThat(received.messageIds()).isEmpty();

        relay.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> received.messageIds().size() >= 10);
        Thread.sleep(QUIET.toMillis());
        assertThat(received.counts()).isEqualTo(onceEach(committed));
    }

    @Test
    void eventOfARolledBackTransactionIsNeverPublished() throws Exception {
        String type = "outboxit.rollback.happened";
        TestBroker.Received received = broker.listen(type);

        UUID rolledBack = TenantContext.callAs(
                TENANT,
                () -> transactions.execute(status -> {
                    UUID id = outbox.append(type, UUID.randomUUID(), null, new ThingHappenedV1(1, Instant.now()), 1);
                    status.setRollbackOnly();
                    return id;
                }));
        List<UUID> committed = appendCommitted(type, 1);

        await().atMost(Duration.ofSeconds(10)).until(() -> received.messageIds().size() >= 1);
        Thread.sleep(QUIET.toMillis());
        assertThat(received.messageIds()).containsExactly(committed.get(0).toString());
        assertThat(jdbc.queryForObject("select count(*) from outbox_event where event_id = ?", Long.class, rolledBack))
                .isZero();
    }

    @Test
    void publishesTheEnvelopeOfTheAppendingTenant() throws Exception {
        String type = "outboxit.envelope.happened";
        TestBroker.Received received = broker.listen(type);
        UUID project = UUID.randomUUID();
        UUID aggregate = UUID.randomUUID();
        Instant at = Instant.parse("2026-11-21T02:15:04.118Z");

        UUID eventId = TenantContext.callAs(
                TENANT,
                () -> transactions.execute(
                        status -> outbox.append(type, aggregate, project, new ThingHappenedV1(7, at), 2)));

        await().atMost(Duration.ofSeconds(10)).until(() -> received.envelopes().size() == 1);
        EventEnvelope envelope = received.envelopes().get(0);
        assertThat(envelope)
                .extracting(
                        EventEnvelope::eventId,
                        EventEnvelope::type,
                        EventEnvelope::schemaVersion,
                        EventEnvelope::tenantId,
                        EventEnvelope::projectId,
                        EventEnvelope::aggregateId)
                .containsExactly(eventId, type, 2, TENANT, project, aggregate);
        assertThat(envelope.payloadAs(ThingHappenedV1.class)).isEqualTo(new ThingHappenedV1(7, at));
    }

    @Test
    void refusesToAppendOutsideATransaction() {
        assertThatIllegalStateException()
                .isThrownBy(() -> TenantContext.runAs(
                        TENANT,
                        () -> outbox.append(
                                "outboxit.misuse.happened",
                                UUID.randomUUID(),
                                null,
                                new ThingHappenedV1(1, Instant.now()),
                                1)))
                .withMessageContaining("transaction");
    }

    @Test
    void refusesToAppendWithoutATenant() {
        assertThatIllegalStateException()
                .isThrownBy(() -> transactions.executeWithoutResult(status -> outbox.append(
                        "outboxit.misuse.happened", UUID.randomUUID(), null, new ThingHappenedV1(1, Instant.now()), 1)))
                .withMessageContaining("tenant");
    }

    @Test
    void appendAllWritesEveryEventInListOrder() {
        String type = "outboxit.batch.happened";
        // more than two of the outbox's JDBC batches of 500
        List<Outbox.Event> events = events(type, 1100);

        List<UUID> ids = TenantContext.callAs(TENANT, () -> transactions.execute(status -> outbox.appendAll(events)));

        // the relay claims unsent rows in this order
        List<Tuple> stored = jdbc.query(
                "select event_id, (payload ->> 'number')::int as number from outbox_event where type = ?"
                        + " order by created_at, seq",
                (rs, rowNum) -> tuple(rs.getObject("event_id", UUID.class), rs.getInt("number")),
                type);
        assertThat(stored)
                .containsExactlyElementsOf(IntStream.range(0, 1100)
                        .mapToObj(n -> tuple(ids.get(n), n))
                        .toList());
        // drained before the next test, whose counts a backlog would skew
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.queryForObject(
                                "select count(*) from outbox_event where type = ? and sent_at is null",
                                Long.class,
                                type)
                        == 0);
    }

    @Test
    void appendAllWritesWithinTheCallersTransaction() {
        String type = "outboxit.batch-rollback.happened";
        List<Outbox.Event> events = events(type, 600);

        long inside = TenantContext.callAs(
                TENANT,
                () -> transactions.execute(status -> {
                    List<UUID> ids = outbox.appendAll(events);
                    status.setRollbackOnly();
                    return count(ids);
                }));

        assertThat(inside).isEqualTo(600);
        assertThat(jdbc.queryForObject("select count(*) from outbox_event where type = ?", Long.class, type))
                .isZero();
    }

    @Test
    void anInvalidEventFailsTheWholeBatchBeforeAnythingIsWritten() {
        String type = "outboxit.batch-invalid.happened";
        // the bad event comes after a whole JDBC batch of good ones
        List<Outbox.Event> events = new ArrayList<>(events(type, 600));
        events.add(new Outbox.Event(type, UUID.randomUUID(), null, new ThingHappenedV1(600, Instant.now()), 0));
        events.addAll(events(type, 10));

        long written = TenantContext.callAs(
                TENANT,
                () -> transactions.execute(status -> {
                    assertThatIllegalArgumentException()
                            .isThrownBy(() -> outbox.appendAll(events))
                            .withMessageContaining("schemaVersion");
                    // still in the transaction: not rolled back, never written
                    return jdbc.queryForObject("select count(*) from outbox_event where type = ?", Long.class, type);
                }));

        assertThat(written).isZero();
    }

    @Test
    void refusesToAppendAllOutsideATransaction() {
        assertThatIllegalStateException()
                .isThrownBy(() ->
                        TenantContext.runAs(TENANT, () -> outbox.appendAll(events("outboxit.misuse.happened", 2))))
                .withMessageContaining("transaction");
    }

    /** {@code count} events of {@code type}, numbered from 0 in their payloads. */
    private static List<Outbox.Event> events(String type, int count) {
        return IntStream.range(0, count)
                .mapToObj(
                        n -> new Outbox.Event(type, UUID.randomUUID(), null, new ThingHappenedV1(n, Instant.now()), 1))
                .toList();
    }

    private long count(List<UUID> ids) {
        Long count = jdbc.query(
                "select count(*) from outbox_event where event_id = any(?)",
                statement -> statement.setArray(1, statement.getConnection().createArrayOf("uuid", ids.toArray())),
                rs -> rs.next() ? rs.getLong(1) : 0L);
        return count == null ? 0 : count;
    }

    /** Another relay over the same outbox, as another instance of the service would run it. */
    private OutboxRelay secondRelay(String host, int port) {
        return secondRelay(host, port, new SimpleMeterRegistry());
    }

    private OutboxRelay secondRelay(String host, int port, MeterRegistry meters) {
        ConfirmingPublisher publisher = new ConfirmingPublisher(TestBroker.springFactory(host, port));
        OutboxRelay second = new OutboxRelay(dataSource, publisher, properties, meters);
        cleanUp.add(publisher::destroy);
        cleanUp.add(second::stop);
        return second;
    }

    /** Appends {@code count} events, ten per transaction as a busy service would. */
    private List<UUID> appendCommitted(String type, int count) {
        List<UUID> ids = new ArrayList<>();
        for (int start = 0; start < count; start += 10) {
            int end = Math.min(start + 10, count);
            int first = start;
            ids.addAll(TenantContext.callAs(
                    TENANT,
                    () -> transactions.execute(status -> IntStream.range(first, end)
                            .mapToObj(n -> outbox.append(
                                    type, UUID.randomUUID(), null, new ThingHappenedV1(n, Instant.now()), 1))
                            .toList())));
        }
        return ids;
    }

    private long failedAttempts(List<UUID> ids) {
        Long count = jdbc.query(
                "select count(*) from outbox_event where event_id = any(?) and sent_at is null and attempts > 0",
                statement -> statement.setArray(1, statement.getConnection().createArrayOf("uuid", ids.toArray())),
                rs -> rs.next() ? rs.getLong(1) : 0L);
        return count == null ? 0 : count;
    }

    private static double published(MeterRegistry registry) {
        return registry.get("pms.outbox.published").counter().count();
    }

    private static Map<String, Long> onceEach(List<UUID> ids) {
        return ids.stream().collect(Collectors.toMap(UUID::toString, id -> 1L, (a, b) -> a + b));
    }
}
