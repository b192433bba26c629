package com.propcloud.pms.workorder.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.propcloud.pms.test.EventTap;
import com.propcloud.pms.test.TestJwks;
import com.propcloud.pms.test.UsesPmsInfrastructure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Staff open and read tickets over HTTP; each new ticket's event leaves through the outbox. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesPmsInfrastructure
class TicketApiIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final UUID TENANT = UUID.randomUUID();
    private static final UUID OTHER_TENANT = UUID.randomUUID();

    private static EventTap events;

    @LocalServerPort
    int port;

    @BeforeAll
    static void listenForCreatedEvents() {
        events = EventTap.bind("workorder.ticket.created");
    }

    @AfterAll
    static void close() {
        events.close();
    }

    @Test
    void submittedTicketCanBeReadBackAndListed() throws Exception {
        JsonNode created = submit(
                staff(TENANT), "{\"kind\":\"REPAIR\",\"category\":\"plumbing\",\"description\":\"Leaking pipe\"}");

        JsonNode fetched = body(get("/api/v1/work-orders/" + created.path("id").asString(), staff(TENANT)), 200);
        assertThat(fetched.path("description").asString()).isEqualTo("Leaking pipe");
        assertThat(fetched.path("status").asString()).isEqualTo("SUBMITTED");

        JsonNode page = body(get("/api/v1/work-orders?page=0&size=200&sort=createdAt,desc", staff(TENANT)), 200);
        assertThat(page.path("content").findValuesAsString("id"))
                .contains(created.path("id").asString());
        assertThat(page.path("page").asInt()).isZero();
        assertThat(page.path("size").asInt()).isEqualTo(200);
        assertThat(page.path("totalElements").asLong()).isPositive();
        assertThat(page.path("totalPages").asInt()).isPositive();
    }

    @Test
    void createdEventLeavesThroughOutboxInTheDocumentedShape() throws Exception {
        JsonNode created = submit(staff(TENANT), "{\"kind\":\"COMPLAINT\",\"description\":\"Noise at night\"}");
        String ticketId = created.path("id").asString();

        JsonNode envelope = events.await(EventTap.event("workorder.ticket.created", ticketId));

        EventTap.assertSameShape(envelope, EventTap.golden("workorder.ticket.created.v1.json"));
        assertThat(envelope.path("tenantId").asString()).isEqualTo(TENANT.toString());
        assertThat(envelope.path("aggregateId").asString()).isEqualTo(ticketId);
        assertThat(envelope.path("payload").path("kind").asString()).isEqualTo("COMPLAINT");
    }

    @Nested
    class TenantIsolation {

        @Test
        void anotherTenantsTicketIsNotFoundLikeAMissingOne() throws Exception {
            String id = submit(staff(TENANT), "{\"kind\":\"REPAIR\",\"description\":\"Broken lamp\"}")
                    .path("id")
                    .asString();

            HttpResponse<String> foreign = get("/api/v1/work-orders/" + id, staff(OTHER_TENANT));
            HttpResponse<String> missing = get("/api/v1/work-orders/" + UUID.randomUUID(), staff(OTHER_TENANT));

            assertThat(foreign.statusCode()).isEqualTo(404);
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(names(JSON.readTree(foreign.body()))).isEqualTo(names(JSON.readTree(missing.body())));
            assertThat(foreign.body()).doesNotContain("Broken lamp");
        }

        @Test
        void anotherTenantsListNeverShowsTheTicket() throws Exception {
            String id = submit(staff(TENANT), "{\"kind\":\"SUGGESTION\",\"description\":\"More benches\"}")
                    .path("id")
                    .asString();
            JsonNode page = body(get("/api/v1/work-orders?size=200", staff(OTHER_TENANT)), 200);
            assertThat(page.path("content").findValuesAsString("id")).doesNotContain(id);
        }
    }

    @Nested
    class BadInput {

        @Test
        void missingFieldsAreListed() throws Exception {
            JsonNode problem = body(post("/api/v1/work-orders", staff(TENANT), "{\"description\":\"\"}"), 400);
            assertThat(problem.path("code").asString()).isEqualTo("validation-failed");
            assertThat(problem.path("errors").findValuesAsString("field")).contains("kind", "description");
        }

        @Test
        void unknownKindIsMalformed() throws Exception {
            JsonNode problem =
                    body(post("/api/v1/work-orders", staff(TENANT), "{\"kind\":\"PIZZA\",\"description\":\"x\"}"), 400);
            assertThat(problem.path("code").asString()).isEqualTo("malformed-request");
        }

        @Test
        void pageSizeAbove200IsRefused() throws Exception {
            JsonNode problem = body(get("/api/v1/work-orders?size=201", staff(TENANT)), 400);
            assertThat(problem.path("errors").findValuesAsString("field")).containsExactly("size");
        }

        @Test
        void sortingByAnUnofferedFieldIsRefused() throws Exception {
            JsonNode problem = body(get("/api/v1/work-orders?sort=tenantId,asc", staff(TENANT)), 400);
            assertThat(problem.path("errors").findValuesAsString("field")).containsExactly("sort");
        }

        @Test
        void malformedIdIsBadRequestNotServerError() throws Exception {
            assertThat(get("/api/v1/work-orders/not-a-uuid", staff(TENANT)).statusCode())
                    .isEqualTo(400);
        }
    }

    @Test
    void ownersCannotUseTheStaffDesk() throws Exception {
        String owner = TestJwks.get()
                .token()
                .tenant(TENANT, "demo")
                .kind("owner")
                .roles("OWNER")
                .sign();
        JsonNode problem = body(get("/api/v1/work-orders", owner), 403);
        assertThat(problem.path("code").asString()).isEqualTo("auth.forbidden");
    }

    private static List<String> names(JsonNode node) {
        return new ArrayList<>(node.propertyNames());
    }

    private static String staff(UUID tenant) {
        return TestJwks.get().staffToken(tenant, "t" + tenant.toString().substring(0, 6), "FRONT_DESK");
    }

    private JsonNode submit(String token, String json) throws Exception {
        HttpResponse<String> response = post("/api/v1/work-orders", token, json);
        JsonNode created = body(response, 201);
        assertThat(response.headers().firstValue("Location"))
                .hasValue("/api/v1/work-orders/" + created.path("id").asString());
        return created;
    }

    private static JsonNode body(HttpResponse<String> response, int status) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return HTTP.send(request(path, token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String token, String json) throws Exception {
        return HTTP.send(
                request(path, token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, String token) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token);
    }
}
