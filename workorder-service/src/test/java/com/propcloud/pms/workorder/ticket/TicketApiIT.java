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

/**
 * Staff open and read tickets over HTTP, and owners theirs in the app; each new ticket's event leaves
 * through the outbox. Everyone sees only their data scope: HQ the tenant, other staff their projects,
 * owners their own tickets; anything else is not found, word for word like a missing id.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesPmsInfrastructure
class TicketApiIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final UUID TENANT = UUID.randomUUID();
    private static final UUID OTHER_TENANT = UUID.randomUUID();
    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

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

    @Nested
    class ProjectScope {

        private final UUID mine = UUID.randomUUID();
        private final UUID theirs = UUID.randomUUID();

        @Test
        void projectManagerListsOnlyTheirProjectsTickets() throws Exception {
            String own = submit(scoped("PROJECT_MANAGER", mine), ticketIn(mine, "Mine"))
                    .path("id")
                    .asString();
            String other = submit(scoped("PROJECT_MANAGER", theirs), ticketIn(theirs, "Theirs"))
                    .path("id")
                    .asString();
            String noProject = submit(staff(TENANT), "{\"kind\":\"REPAIR\",\"description\":\"HQ only\"}")
                    .path("id")
                    .asString();

            JsonNode page = body(get("/api/v1/work-orders?size=200", scoped("PROJECT_MANAGER", mine)), 200);

            assertThat(ids(page)).containsExactly(own);
            assertThat(page.path("totalElements").asLong()).isEqualTo(1);
            assertThat(ids(body(get("/api/v1/work-orders?size=200", staff(TENANT)), 200)))
                    .contains(own, other, noProject);
        }

        @Test
        void projectManagerGetsNotFoundForAnotherProjectsTicket() throws Exception {
            String id = submit(scoped("FRONT_DESK", theirs), ticketIn(theirs, "Not yours"))
                    .path("id")
                    .asString();
            String pm = scoped("PROJECT_MANAGER", mine);

            HttpResponse<String> hidden = get("/api/v1/work-orders/" + id, pm);

            assertNotFoundLikeMissing(hidden, get("/api/v1/work-orders/" + UUID.randomUUID(), pm), id);
            assertThat(hidden.body()).doesNotContain("Not yours");
            assertThat(get("/api/v1/work-orders/" + id, scoped("TECHNICIAN", mine, theirs))
                            .statusCode())
                    .isEqualTo(200);
        }

        @Test
        void ticketWithoutProjectIsOnlyForTenantWideStaff() throws Exception {
            String id = submit(staff(TENANT), "{\"kind\":\"REPAIR\",\"description\":\"No project\"}")
                    .path("id")
                    .asString();
            assertThat(get("/api/v1/work-orders/" + id, scoped("PROJECT_MANAGER", mine))
                            .statusCode())
                    .isEqualTo(404);
        }

        @Test
        void scopedRoleWithoutProjectsClaimSeesNothing() throws Exception {
            submit(scoped("PROJECT_MANAGER", mine), ticketIn(mine, "Invisible"));
            String unscoped = TestJwks.get().staffToken(TENANT, "demo", "PROJECT_MANAGER");

            assertThat(ids(body(get("/api/v1/work-orders?size=200", unscoped), 200)))
                    .isEmpty();
        }

        @Test
        void scopedStaffCannotOpenATicketInAnotherProject() throws Exception {
            JsonNode problem =
                    body(post("/api/v1/work-orders", scoped("FRONT_DESK", mine), ticketIn(theirs, "Sneaky")), 422);
            assertThat(problem.path("code").asString()).isEqualTo("work-order.project-out-of-scope");
        }

        @Test
        void scopedStaffMustNameAProject() throws Exception {
            JsonNode problem = body(
                    post(
                            "/api/v1/work-orders",
                            scoped("FRONT_DESK", mine),
                            "{\"kind\":\"REPAIR\",\"description\":\"Where?\"}"),
                    400);
            assertThat(problem.path("errors").findValuesAsString("field")).containsExactly("projectId");
        }
    }

    @Nested
    class OwnersApp {

        private final UUID ownerA = UUID.randomUUID();
        private final UUID ownerB = UUID.randomUUID();

        @Test
        void ownerReportsATicketAndReadsItBack() throws Exception {
            HttpResponse<String> response = post(
                    "/api/v1/app/work-orders",
                    owner(ownerA),
                    "{\"kind\":\"REPAIR\",\"category\":\"plumbing\",\"description\":\"Dripping tap\"}");
            JsonNode created = body(response, 201);
            String id = created.path("id").asString();

            assertThat(response.headers().firstValue("Location")).hasValue("/api/v1/app/work-orders/" + id);
            assertThat(created.path("reportedBy").asString()).isEqualTo(ownerA.toString());
            assertThat(body(get("/api/v1/app/work-orders/" + id, owner(ownerA)), 200)
                            .path("description")
                            .asString())
                    .isEqualTo("Dripping tap");
            // HQ sees it on the desk too
            assertThat(get("/api/v1/work-orders/" + id, staff(TENANT)).statusCode())
                    .isEqualTo(200);
        }

        @Test
        void ownersTicketLeavesTheSameCreatedEvent() throws Exception {
            String id = body(
                            post(
                                    "/api/v1/app/work-orders",
                                    owner(ownerA),
                                    "{\"kind\":\"COMPLAINT\",\"description\":\"Lift noise\"}"),
                            201)
                    .path("id")
                    .asString();

            JsonNode envelope = events.await(EventTap.event("workorder.ticket.created", id));

            EventTap.assertSameShape(envelope, EventTap.golden("workorder.ticket.created.v1.json"));
        }

        @Test
        void anotherOwnersTicketIsNotFoundLikeAMissingOne() throws Exception {
            String id = ownTicket(ownerB, "B's leak");

            HttpResponse<String> hidden = get("/api/v1/app/work-orders/" + id, owner(ownerA));

            assertNotFoundLikeMissing(hidden, get("/api/v1/app/work-orders/" + UUID.randomUUID(), owner(ownerA)), id);
            assertThat(hidden.body()).doesNotContain("B's leak");
        }

        @Test
        void ownerListsOnlyOwnTickets() throws Exception {
            String mine = ownTicket(ownerA, "A's");
            String theirs = ownTicket(ownerB, "B's");
            String staffs = submit(staff(TENANT), "{\"kind\":\"REPAIR\",\"description\":\"Desk\"}")
                    .path("id")
                    .asString();

            JsonNode page = body(get("/api/v1/app/work-orders?size=200", owner(ownerA)), 200);

            assertThat(ids(page)).contains(mine).doesNotContain(theirs, staffs);
            assertThat(page.path("content").findValuesAsString("reportedBy")).containsOnly(ownerA.toString());
        }

        @Test
        void ownerCannotOpenStaffKindsOfTicket() throws Exception {
            JsonNode problem = body(
                    post("/api/v1/app/work-orders", owner(ownerA), "{\"kind\":\"PATROL\",\"description\":\"Patrol\"}"),
                    400);
            assertThat(problem.path("errors").findValuesAsString("field")).containsExactly("kind");
        }

        @Test
        void staffCannotUseTheOwnersApp() throws Exception {
            for (String token : List.of(staff(TENANT), scoped("FRONT_DESK", UUID.randomUUID()))) {
                JsonNode problem = body(get("/api/v1/app/work-orders", token), 403);
                assertThat(problem.path("code").asString()).isEqualTo("auth.forbidden");
            }
        }

        @Test
        void staffTokenClaimingTheOwnerRoleIsStillRefused() throws Exception {
            String staffAsOwner = TestJwks.get().staffToken(TENANT, "demo", "OWNER");
            assertThat(get("/api/v1/app/work-orders", staffAsOwner).statusCode())
                    .isEqualTo(403);
        }

        @Test
        void ownerCannotUseTheStaffDesk() throws Exception {
            String id = ownTicket(ownerA, "Own");
            assertThat(get("/api/v1/work-orders/" + id, owner(ownerA)).statusCode())
                    .isEqualTo(403);
            assertThat(post("/api/v1/work-orders", owner(ownerA), "{\"kind\":\"REPAIR\",\"description\":\"x\"}")
                            .statusCode())
                    .isEqualTo(403);
        }

        private String ownTicket(UUID owner, String description) throws Exception {
            return body(
                            post(
                                    "/api/v1/app/work-orders",
                                    owner(owner),
                                    "{\"kind\":\"REPAIR\",\"description\":\"" + description + "\"}"),
                            201)
                    .path("id")
                    .asString();
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

    /** HQ staff: tenant-wide, so tickets without a project are theirs to open and read. */
    private static String staff(UUID tenant) {
        return TestJwks.get().staffToken(tenant, "t" + tenant.toString().substring(0, 6), "HQ_ADMIN");
    }

    /** Project-scoped staff: a token whose {@code projects} claim names exactly these projects. */
    private static String scoped(String role, UUID... projects) {
        return TestJwks.get()
                .token()
                .tenant(TENANT, "demo")
                .roles(role)
                .projects(projects)
                .sign();
    }

    private static String owner(UUID ownerId) {
        return TestJwks.get()
                .token()
                .tenant(TENANT, "demo")
                .subject(ownerId)
                .kind("owner")
                .roles("OWNER")
                .sign();
    }

    private static String ticketIn(UUID project, String description) {
        return "{\"kind\":\"REPAIR\",\"projectId\":\"" + project + "\",\"description\":\"" + description + "\"}";
    }

    private static List<String> ids(JsonNode page) {
        return page.path("content").findValuesAsString("id");
    }

    /** A 404 that tells nothing: the same fields and the same text as for a random id, but for the id. */
    private static void assertNotFoundLikeMissing(HttpResponse<String> hidden, HttpResponse<String> missing, String id)
            throws IOException {
        assertThat(hidden.statusCode()).as(hidden.body()).isEqualTo(404);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(names(JSON.readTree(hidden.body()))).isEqualTo(names(JSON.readTree(missing.body())));
        assertThat(hidden.body().replace(id, "ID")).isEqualTo(missing.body().replaceAll(UUID_PATTERN, "ID"));
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
