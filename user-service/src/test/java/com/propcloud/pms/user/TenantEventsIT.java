package com.propcloud.pms.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.propcloud.pms.test.TestInfrastructure;
import com.propcloud.pms.user.tenant.TenantDirectory;
import com.propcloud.pms.user.tenant.TenantRef;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every tenant change leaves through the outbox as {@code user.tenant.created} or {@code
 * user.tenant.updated}, in the shape of the golden files other services' read models are tested
 * against, as an event of the tenant itself.
 */
@UserServiceTest
class TenantEventsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static Connection rabbit;
    private static Channel channel;
    private static String tenantEvents;

    @Autowired
    TenantDirectory directory;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    static void listenForTenantEvents() throws Exception {
        TestInfrastructure infra = TestInfrastructure.get();
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(infra.rabbit().host());
        factory.setPort(infra.rabbit().port());
        factory.setUsername(infra.rabbit().username());
        factory.setPassword(infra.rabbit().password());
        factory.setVirtualHost(infra.rabbitVirtualHost());
        rabbit = factory.newConnection();
        channel = rabbit.createChannel();
        channel.exchangeDeclare(infra.eventsExchange(), "topic", true);
        tenantEvents = channel.queueDeclare().getQueue();
        channel.queueBind(tenantEvents, infra.eventsExchange(), "user.tenant.*");
    }

    @AfterAll
    static void close() throws Exception {
        rabbit.close();
    }

    @Test
    void registeringATenantPublishesCreatedInTheGoldenShape() throws Exception {
        TenantRef tenant = directory.registerIfAbsent(newCode(), "Harbour View Estates");

        JsonNode envelope = awaitEvent("user.tenant.created", tenant.id());

        JsonNode golden = golden("user.tenant.created.v1.json");
        assertThat(names(envelope)).containsExactlyInAnyOrderElementsOf(names(golden));
        assertThat(names(envelope.path("payload"))).containsExactlyInAnyOrderElementsOf(names(golden.path("payload")));
        assertThat(envelope.path("schemaVersion").asInt()).isEqualTo(1);
        assertThat(envelope.path("tenantId").asString()).isEqualTo(tenant.id().toString());
        assertThat(envelope.path("aggregateId").asString())
                .isEqualTo(tenant.id().toString());
        JsonNode payload = envelope.path("payload");
        assertThat(payload.path("tenantId").asString()).isEqualTo(tenant.id().toString());
        assertThat(payload.path("code").asString()).isEqualTo(tenant.code());
        assertThat(payload.path("name").asString()).isEqualTo("Harbour View Estates");
        assertThat(payload.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(payload.path("timeZone").asString()).isEqualTo("Asia/Shanghai");
        assertThat(Instant.parse(payload.path("createdAt").asString()))
                .isBefore(Instant.now().plusSeconds(1));
    }

    @Test
    void registeringAnExistingCodeAgainPublishesNothing() {
        String code = newCode();
        TenantRef tenant = directory.registerIfAbsent(code, "Once");

        directory.registerIfAbsent(code, "Twice");

        assertThat(outboxCount("user.tenant.created", tenant.id())).isEqualTo(1);
    }

    @Test
    void changingATenantPublishesUpdatedInTheGoldenShapeWithALaterTimestamp() throws Exception {
        TenantRef tenant = directory.registerIfAbsent(newCode(), "Riverside Homes");
        JsonNode created = awaitEvent("user.tenant.created", tenant.id());

        directory.changeTimeZone(tenant.id(), ZoneId.of("Asia/Tokyo"));
        JsonNode moved = awaitEvent("user.tenant.updated", tenant.id());
        directory.suspend(tenant.id());
        JsonNode suspended = awaitEventAfter("user.tenant.updated", tenant.id(), moved);

        JsonNode golden = golden("user.tenant.updated.v1.json");
        assertThat(names(moved)).containsExactlyInAnyOrderElementsOf(names(golden));
        assertThat(names(moved.path("payload"))).containsExactlyInAnyOrderElementsOf(names(golden.path("payload")));
        assertThat(moved.path("tenantId").asString()).isEqualTo(tenant.id().toString());
        assertThat(moved.path("payload").path("timeZone").asString()).isEqualTo("Asia/Tokyo");
        assertThat(moved.path("payload").path("status").asString()).isEqualTo("ACTIVE");
        assertThat(suspended.path("payload").path("status").asString()).isEqualTo("SUSPENDED");
        assertThat(suspended.path("payload").path("timeZone").asString()).isEqualTo("Asia/Tokyo");
        Instant createdAt =
                Instant.parse(created.path("payload").path("createdAt").asString());
        Instant movedAt = Instant.parse(moved.path("payload").path("updatedAt").asString());
        Instant suspendedAt =
                Instant.parse(suspended.path("payload").path("updatedAt").asString());
        assertThat(movedAt).isAfter(createdAt);
        assertThat(suspendedAt).isAfter(movedAt);
    }

    @Test
    void aChangeToTheSameValuePublishesNothing() {
        TenantRef tenant = directory.registerIfAbsent(newCode(), "Same Zone");

        directory.changeTimeZone(tenant.id(), ZoneId.of("Asia/Shanghai"));
        directory.reactivate(tenant.id());

        assertThat(outboxCount("user.tenant.updated", tenant.id())).isZero();
    }

    @Test
    void theDemoSeedsTenantsWentThroughTheOutbox() {
        for (String code : List.of("platform", "demo")) {
            UUID id = directory.findByCode(code).orElseThrow().id();
            assertThat(outboxCount("user.tenant.created", id)).as(code).isEqualTo(1);
        }
    }

    private int outboxCount(String type, UUID tenantId) {
        Integer count = jdbc.queryForObject(
                "select count(*) from outbox_event where type = ? and aggregate_id = ? and tenant_id = ?",
                Integer.class,
                type,
                tenantId,
                tenantId);
        return count == null ? 0 : count;
    }

    private final List<JsonNode> received = new ArrayList<>();

    private JsonNode awaitEvent(String type, UUID tenantId) {
        return awaitEventAfter(type, tenantId, null);
    }

    /** The first event of this type and tenant that is not {@code previous} (the queue is shared by all tests). */
    private JsonNode awaitEventAfter(String type, UUID tenantId, JsonNode previous) {
        AtomicReference<JsonNode> found = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    drain();
                    received.stream()
                            .filter(event -> event.path("type").asString().equals(type))
                            .filter(event ->
                                    event.path("aggregateId").asString().equals(tenantId.toString()))
                            .filter(event ->
                                    previous == null || !event.path("eventId").equals(previous.path("eventId")))
                            .findFirst()
                            .ifPresent(found::set);
                    return found.get() != null;
                });
        return found.get();
    }

    private void drain() throws Exception {
        GetResponse response;
        while ((response = channel.basicGet(tenantEvents, true)) != null) {
            received.add(JSON.readTree(response.getBody()));
        }
    }

    private static JsonNode golden(String file) throws Exception {
        return JSON.readTree(TenantEventsIT.class.getResourceAsStream("/events/" + file));
    }

    private static List<String> names(JsonNode node) {
        return new ArrayList<>(node.propertyNames());
    }

    private static String newCode() {
        return "it-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
