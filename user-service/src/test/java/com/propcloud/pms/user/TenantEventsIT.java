package com.propcloud.pms.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.propcloud.pms.test.EventTap;
import com.propcloud.pms.user.tenant.TenantDirectory;
import com.propcloud.pms.user.tenant.TenantRef;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Every tenant change leaves through the outbox as {@code user.tenant.created} or {@code
 * user.tenant.updated}, in the shape of the golden files other services' read models are tested
 * against, as an event of the tenant itself.
 */
@UserServiceTest
class TenantEventsIT {

    private static EventTap events;

    @Autowired
    TenantDirectory directory;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    static void listenForTenantEvents() {
        events = EventTap.bind("user.tenant.*");
    }

    @AfterAll
    static void close() {
        events.close();
    }

    @Test
    void registeringATenantPublishesCreatedInTheGoldenShape() throws Exception {
        TenantRef tenant = directory.registerIfAbsent(newCode(), "Harbour View Estates");

        JsonNode envelope = awaitEvent("user.tenant.created", tenant.id());

        EventTap.assertSameShape(envelope, EventTap.golden("user.tenant.created.v1.json"));
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

        EventTap.assertSameShape(moved, EventTap.golden("user.tenant.updated.v1.json"));
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

    private JsonNode awaitEvent(String type, UUID tenantId) {
        return events.await(EventTap.event(type, tenantId));
    }

    /** The first event of this type and tenant that is not {@code previous} (the queue is shared by all tests). */
    private JsonNode awaitEventAfter(String type, UUID tenantId, JsonNode previous) {
        return events.await(EventTap.event(type, tenantId)
                .and(event -> !event.path("eventId").equals(previous.path("eventId"))));
    }

    private static String newCode() {
        return "it-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
