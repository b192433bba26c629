package com.propcloud.pms.reporting.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.propcloud.pms.test.EventTap;
import com.propcloud.pms.test.TestJwks;
import com.propcloud.pms.test.UsesPmsInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Ticket events arriving over RabbitMQ become daily counts in the tenant's calendar, once each
 * however often they are delivered, and visible only to their own tenant and, within it, to the
 * staff whose projects they belong to.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesPmsInfrastructure
class WorkOrderProjectionIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static EventTap events;

    @LocalServerPort
    int port;

    @BeforeAll
    static void connect() {
        events = EventTap.bind("workorder.ticket.created");
    }

    @AfterAll
    static void close() {
        events.close();
    }

    @Test
    void goldenEventParsesIntoOwnPayloadCopy() throws Exception {
        JsonNode golden = golden();
        TicketCreated payload = JSON.treeToValue(golden.path("payload"), TicketCreated.class);
        assertThat(payload.ticketId().toString())
                .isEqualTo(golden.path("payload").path("ticketId").asString());
        assertThat(payload.kind()).isEqualTo("REPAIR");
    }

    @Test
    void sameEventDeliveredTwiceCountsOnce() throws Exception {
        UUID tenant = UUID.randomUUID();
        ObjectNode event = ticketCreated(tenant, "2026-11-21T02:15:04Z");
        publish(event);
        publish(event);
        publish(ticketCreated(tenant, "2026-11-21T03:00:00Z"));

        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(createdOn(tenant, "2026-11-21")).isEqualTo(2));
        // a late duplicate must not change the count either
        publish(event);
        Thread.sleep(1500);
        assertThat(createdOn(tenant, "2026-11-21")).isEqualTo(2);
    }

    @Test
    void daysFollowTheTenantsCalendarNotUtc() throws Exception {
        UUID tenant = UUID.randomUUID();
        // 17:30 UTC on the 21st is 01:30 on the 22nd in Shanghai
        publish(ticketCreated(tenant, "2026-11-21T17:30:00Z"));

        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(createdOn(tenant, "2026-11-22")).isEqualTo(1));
        assertThat(createdOn(tenant, "2026-11-21")).isZero();
    }

    @Test
    void reportListsEveryDayOfTheInclusiveRange() throws Exception {
        JsonNode report = report(UUID.randomUUID(), "2026-11-01", "2026-11-30");
        assertThat(report.path("days")).hasSize(30);
        assertThat(report.path("days").get(0).path("date").asString()).isEqualTo("2026-11-01");
        assertThat(report.path("days").get(29).path("created").asLong()).isZero();
    }

    @Test
    void anotherTenantNeverSeesTheCounts() throws Exception {
        UUID tenant = UUID.randomUUID();
        publish(ticketCreated(tenant, "2026-11-10T02:00:00Z"));
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(createdOn(tenant, "2026-11-10")).isEqualTo(1));
        assertThat(createdOn(UUID.randomUUID(), "2026-11-10")).isZero();
    }

    @Test
    void projectScopedStaffCountOnlyTheirProjects() throws Exception {
        UUID tenant = UUID.randomUUID();
        UUID mine = UUID.randomUUID();
        UUID theirs = UUID.randomUUID();
        publish(ticketCreated(tenant, "2026-11-12T02:00:00Z", mine));
        publish(ticketCreated(tenant, "2026-11-12T03:00:00Z", theirs));
        publish(ticketCreated(tenant, "2026-11-12T04:00:00Z", null));
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(createdOn(tenant, "2026-11-12")).isEqualTo(3));

        assertThat(count(manager(tenant, mine), "")).isEqualTo(1);
        assertThat(count(manager(tenant, mine), "&projectId=" + mine)).isEqualTo(1);
        assertThat(count(manager(tenant, mine, theirs), "")).isEqualTo(2);
        assertThat(count(TestJwks.get().staffToken(tenant, "demo", "HQ_ADMIN"), "&projectId=" + theirs))
                .isEqualTo(1);
        // a scoped role whose token names no projects sees none (fail closed)
        assertThat(count(TestJwks.get().staffToken(tenant, "demo", "FINANCE"), ""))
                .isZero();
    }

    @Test
    void projectOutsideTheScopeIsNotFoundLikeAnUnknownOne() throws Exception {
        UUID tenant = UUID.randomUUID();
        UUID theirs = UUID.randomUUID();
        UUID unknown = UUID.randomUUID();
        String manager = manager(tenant, UUID.randomUUID());
        String query = "/api/v1/reports/work-orders/daily?from=2026-11-12&to=2026-11-12&projectId=";

        HttpResponse<String> outside = send(query + theirs, manager);
        HttpResponse<String> missing = send(query + unknown, manager);

        assertThat(outside.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(outside.body()).path("code").asString()).isEqualTo("not-found");
        assertThat(outside.body().replace(theirs.toString(), "ID"))
                .isEqualTo(missing.body().replace(unknown.toString(), "ID"));
    }

    @Test
    void reversedRangeIsABadRequest() throws Exception {
        HttpResponse<String> response =
                get(UUID.randomUUID(), "/api/v1/reports/work-orders/daily?from=2026-11-30&to=2026-11-01");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("code").asString()).isEqualTo("validation-failed");
    }

    private long createdOn(UUID tenant, String date) throws Exception {
        for (JsonNode day : report(tenant, date, date).path("days")) {
            return day.path("created").asLong();
        }
        throw new AssertionError("no day in report");
    }

    private JsonNode report(UUID tenant, String from, String to) throws Exception {
        HttpResponse<String> response = get(tenant, "/api/v1/reports/work-orders/daily?from=" + from + "&to=" + to);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> get(UUID tenant, String path) throws Exception {
        return send(path, TestJwks.get().staffToken(tenant, "demo", "HQ_ADMIN"));
    }

    private static String manager(UUID tenant, UUID... projects) {
        return TestJwks.get()
                .token()
                .tenant(tenant, "demo")
                .roles("PROJECT_MANAGER")
                .projects(projects)
                .sign();
    }

    /** Tickets created on 2026-11-12 as {@code token} counts them. */
    private long count(String token, String projectQuery) throws Exception {
        HttpResponse<String> response =
                send("/api/v1/reports/work-orders/daily?from=2026-11-12&to=2026-11-12" + projectQuery, token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body())
                .path("days")
                .get(0)
                .path("created")
                .asLong();
    }

    private HttpResponse<String> send(String path, String token) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private ObjectNode ticketCreated(UUID tenant, String createdAt) throws Exception {
        return ticketCreated(tenant, createdAt, null);
    }

    private ObjectNode ticketCreated(UUID tenant, String createdAt, UUID project) throws Exception {
        ObjectNode event = (ObjectNode) golden();
        UUID ticket = UUID.randomUUID();
        event.put("eventId", UUID.randomUUID().toString());
        event.put("tenantId", tenant.toString());
        event.put("aggregateId", ticket.toString());
        event.put("occurredAt", createdAt);
        ObjectNode payload = (ObjectNode) event.path("payload");
        payload.put("ticketId", ticket.toString());
        payload.put("createdAt", createdAt);
        if (project != null) {
            event.put("projectId", project.toString());
            payload.put("projectId", project.toString());
        }
        return event;
    }

    private static JsonNode golden() throws Exception {
        return JSON.readTree(
                WorkOrderProjectionIT.class.getResourceAsStream("/events/workorder.ticket.created.v1.json"));
    }

    private static void publish(JsonNode event) {
        events.publish(event);
    }
}
