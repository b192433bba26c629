package com.propcloud.pms.common.messaging.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.propcloud.pms.common.messaging.MessagingTestApplication;
import com.propcloud.pms.common.messaging.TestBroker;
import com.propcloud.pms.common.messaging.envelope.EventEnvelope;
import com.propcloud.pms.common.messaging.outbox.Outbox;
import com.propcloud.pms.common.tenant.TenantContext;
import com.propcloud.pms.test.TestInfrastructure;
import com.propcloud.pms.test.UsesPmsInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Consumers apply each event once, whatever the broker redelivers; a failing event is retried, then
 * parked with its error, without holding up the events behind it; parked events can be replayed.
 */
@UsesPmsInfrastructure
@SpringBootTest(
        classes = {MessagingTestApplication.class, InboxIT.Consumers.class},
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "pms.database.name=inboxit",
            "spring.flyway.locations=classpath:db/inboxit",
            "pms.messaging.relay.poll-interval=100ms",
            "pms.messaging.consumer.max-attempts=3",
            "pms.messaging.consumer.backoff=200ms,300ms"
        })
class InboxIT {

    static final String MAIN = "inboxit.main";
    static final String GARBAGE = "inboxit.garbage";
    static final String REPLAY = "inboxit.replay";
    private static final UUID TENANT = UUID.randomUUID();
    private static final Duration WAIT = Duration.ofSeconds(15);

    /** A producer's payload record. */
    record SomethingHappenedV1(String what) {}

    /** What the handlers do: record the effect under the event's tenant, unless told to fail. */
    static final class Effects {

        final Set<UUID> failing = ConcurrentHashMap.newKeySet();
        final Map<UUID, Integer> calls = new ConcurrentHashMap<>();
        private final JdbcTemplate jdbc;

        Effects(DataSource dataSource) {
            this.jdbc = new JdbcTemplate(dataSource);
        }

        /** Each event's transaction, by the database's id for it. */
        final Map<UUID, Long> transactionOf = new ConcurrentHashMap<>();

        void apply(EventEnvelope event) {
            calls.merge(event.eventId(), 1, Integer::sum);
            transactionOf.put(event.eventId(), jdbc.queryForObject("select txid_current()", Long.class));
            if (failing.contains(event.eventId())) {
                throw new IllegalStateException("handler refuses " + event.eventId());
            }
            jdbc.update(
                    "insert into inbox_effect (event_id, tenant_id) values (?, ?)",
                    event.eventId(),
                    TenantContext.require());
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Consumers {

        @Bean
        Effects effects(DataSource dataSource) {
            return new Effects(dataSource);
        }

        @Bean
        EventConsumer mainConsumer(Effects effects) {
            return EventConsumer.named(MAIN).bindings("inboxit.main.*").handler(effects::apply);
        }

        @Bean
        EventConsumer garbageConsumer(Effects effects) {
            return EventConsumer.named(GARBAGE).bindings("inboxit.garbage.#").handler(effects::apply);
        }

        @Bean
        EventConsumer replayConsumer(Effects effects) {
            return EventConsumer.named(REPLAY).bindings("inboxit.replay.*").handler(effects::apply);
        }
    }

    @Autowired
    Effects effects;

    @Autowired
    Outbox outbox;

    @Autowired
    DeadLetters deadLetters;

    @Autowired
    MeterRegistry meters;

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactionManager;

    TransactionTemplate transactions;
    TestBroker broker;

    @BeforeEach
    void setUp() {
        transactions = new TransactionTemplate(transactionManager);
        broker = TestBroker.connect();
    }

    @AfterEach
    void tearDown() throws Exception {
        broker.close();
    }

    @Test
    void declaresEveryConsumersQueuesAtStart() throws Exception {
        String prefix = TestInfrastructure.get().queuePrefix();

        assertThat(List.of(MAIN, MAIN + ".retry.200ms", MAIN + ".retry.300ms", MAIN + ".dlq", GARBAGE, REPLAY + ".dlq"))
                .allSatisfy(queue ->
                        assertThat(broker.queueExists(prefix + queue)).as(queue).isTrue());
    }

    @Test
    void eventDeliveredTwiceHasOneEffect() throws Exception {
        double duplicatesBefore = outcome(MAIN, "duplicate");
        EventEnvelope event = envelope("inboxit.main.created");

        broker.publish(event.type(), event.eventId().toString(), event.toJson());
        broker.publish(event.type(), event.eventId().toString(), event.toJson());

        await().atMost(WAIT).until(() -> outcome(MAIN, "duplicate") == duplicatesBefore + 1);
        assertThat(effectsOf(event.eventId())).isEqualTo(1);
        assertThat(effects.calls.get(event.eventId())).isEqualTo(1);
    }

    @Test
    void eventFromTheOutboxIsAppliedUnderItsTenant() {
        UUID eventId = appendCommitted("inboxit.main.created", false);

        await().atMost(WAIT).until(() -> effectsOf(eventId) == 1);
    }

    @Test
    void poisonEventIsParkedWithItsErrorAfterItsRetriesWhileLaterEventsFlow() {
        UUID poison = appendCommitted("inboxit.main.poisoned", true);
        UUID good = appendCommitted("inboxit.main.created", false);

        await().atMost(WAIT).until(() -> effectsOf(good) == 1);
        await().atMost(WAIT).until(() -> parked(MAIN, poison) != null);
        DeadLetter parked = parked(MAIN, poison);
        assertThat(parked.attempts()).isEqualTo(3);
        assertThat(parked.error()).contains("IllegalStateException", "handler refuses " + poison);
        assertThat(parked.routingKey()).isEqualTo("inboxit.main.poisoned");
        assertThat(effects.calls.get(poison)).isEqualTo(3);
        assertThat(effectsOf(poison)).isZero();
    }

    /**
     * A burst is applied a batch per transaction, not one commit per event; a failing event in the middle
     * of a batch costs only itself a retry, and the handler sees it once per attempt.
     */
    @Test
    void aBurstIsAppliedInBatchesAndAFailingEventInOneHoldsUpOnlyItself() throws Exception {
        List<EventEnvelope> burst = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            burst.add(envelope("inboxit.main.created"));
        }
        UUID poison = burst.get(17).eventId();
        effects.failing.add(poison);

        for (EventEnvelope event : burst) {
            broker.publish(event.type(), event.eventId().toString(), event.toJson());
        }

        List<UUID> good = burst.stream()
                .map(EventEnvelope::eventId)
                .filter(id -> !id.equals(poison))
                .toList();
        await().atMost(WAIT).until(() -> good.stream().allMatch(id -> effectsOf(id) == 1));
        await().atMost(WAIT).until(() -> parked(MAIN, poison) != null);
        assertThat(parked(MAIN, poison).attempts()).isEqualTo(3);
        assertThat(effects.calls.get(poison)).isEqualTo(3);
        assertThat(effectsOf(poison)).isZero();
        assertThat(good.stream().map(effects.transactionOf::get).distinct().count())
                .as("transactions for 39 events published back to back")
                .isLessThan(20);
    }

    @Test
    void unparseableMessageIsParkedAtOnce() throws Exception {
        String messageId = "garbage-" + UUID.randomUUID();

        broker.publish("inboxit.garbage.created", messageId, "not json {".getBytes(StandardCharsets.UTF_8));

        await().atMost(WAIT).until(() -> parked(GARBAGE, messageId) != null);
        DeadLetter parked = parked(GARBAGE, messageId);
        assertThat(parked.error()).startsWith("Unparseable event envelope");
        assertThat(parked.attempts()).isZero();
        assertThat(parked.body()).isEqualTo("not json {");
    }

    @Test
    void replayMovesParkedEventsBackToTheWorkQueue() {
        UUID eventId = appendCommitted("inboxit.replay.created", true);
        await().atMost(WAIT).until(() -> deadLetters.count(REPLAY) == 1);

        effects.failing.remove(eventId); // the operator fixed the cause
        int moved = deadLetters.replay(REPLAY, 10);

        assertThat(moved).isEqualTo(1);
        await().atMost(WAIT).until(() -> effectsOf(eventId) == 1);
        assertThat(deadLetters.count(REPLAY)).isZero();
    }

    private UUID appendCommitted(String type, boolean failing) {
        return TenantContext.callAs(
                TENANT,
                () -> transactions.execute(status -> {
                    UUID id = outbox.append(type, UUID.randomUUID(), null, new SomethingHappenedV1(type), 1);
                    if (failing) {
                        effects.failing.add(id);
                    }
                    return id;
                }));
    }

    private static EventEnvelope envelope(String type) {
        return new EventEnvelope(
                UUID.randomUUID(),
                type,
                1,
                TENANT,
                null,
                UUID.randomUUID(),
                Instant.now(),
                JsonMapper.builder().build().valueToTree(new SomethingHappenedV1(type)));
    }

    /** Rows the handlers wrote for {@code eventId}, read as the tenant (row-level security hides the rest). */
    private long effectsOf(UUID eventId) {
        Long count = TenantContext.callAs(
                TENANT,
                () -> transactions.execute(status -> new JdbcTemplate(dataSource)
                        .queryForObject("select count(*) from inbox_effect where event_id = ?", Long.class, eventId)));
        return count == null ? 0 : count;
    }

    private DeadLetter parked(String consumer, Object messageId) {
        List<DeadLetter> letters = deadLetters.peek(consumer, 50);
        return letters.stream()
                .filter(letter -> messageId.toString().equals(letter.messageId()))
                .findFirst()
                .orElse(null);
    }

    private double outcome(String consumer, String outcome) {
        return meters.get("pms.inbox.events")
                .tag("consumer", consumer)
                .tag("outcome", outcome)
                .counter()
                .count();
    }
}
