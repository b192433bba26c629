package com.propcloud.pms.asset.occupancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The adapter against a stand-in for user-service on a local port (its token endpoint and the owners
 * routes): the wire format both ways, and which answers mean refused, unavailable or a fault.
 */
class UserServicePeopleTests {

    private static final String SECRET = "s3cret";
    private static final UUID TENANT = UUID.fromString("8f1e2d3c-4b5a-4697-8877-665544332211");
    private static final UUID IMPORT = UUID.fromString("5b0c1d2e-3f40-4152-8637-48596a7b8c9d");
    private static final List<PeopleRegistry.Candidate> BATCH = List.of(
            new PeopleRegistry.Candidate("2", "张伟", "13900000001", "11010119900307123X", "OWNER"),
            new PeopleRegistry.Candidate("3", "李娜", "13900000002", null, "RESIDENT"));

    private UserServiceStandIn userService;

    @BeforeEach
    void start() throws IOException {
        userService = new UserServiceStandIn(SECRET);
    }

    @AfterEach
    void stop() {
        userService.close();
    }

    @Nested
    class Answered {

        @Test
        void sendsTheCandidatesAsTheyAreWithAServiceToken() {
            userService.answer(200, okBody());

            people(Duration.ofSeconds(5)).register(TENANT, IMPORT, BATCH);

            assertThat(userService.paths).containsExactly("/internal/v1/tenants/" + TENANT + "/owners/batch");
            JsonNode sent = userService.lastBody();
            assertThat(sent.path("importId").asString()).isEqualTo(IMPORT.toString());
            assertThat(sent.path("owners").get(0).path("phone").asString()).isEqualTo("13900000001");
            assertThat(sent.path("owners").get(0).path("idNumber").asString()).isEqualTo("11010119900307123X");
            assertThat(sent.path("owners").get(1).path("idNumber").isNull()).isTrue();
            assertThat(sent.path("owners").get(1).path("category").asString()).isEqualTo("RESIDENT");
            assertThat(userService.tokenRequests).hasValue(1);
        }

        @Test
        void mapsThePeopleInRequestOrder() {
            userService.answer(200, okBody());

            List<PeopleRegistry.Registered> people =
                    people(Duration.ofSeconds(5)).register(TENANT, IMPORT, BATCH);

            assertThat(people)
                    .containsExactly(
                            new PeopleRegistry.Registered(
                                    "2",
                                    UUID.fromString("00000000-0000-4000-8000-000000000001"),
                                    true,
                                    "张伟",
                                    "139****0001",
                                    "OWNER",
                                    "ACTIVE",
                                    Instant.parse("2026-11-21T02:15:04.120123Z")),
                            new PeopleRegistry.Registered(
                                    "3",
                                    UUID.fromString("00000000-0000-4000-8000-000000000002"),
                                    false,
                                    "李娜",
                                    "139****0002",
                                    "RESIDENT",
                                    "DISABLED",
                                    Instant.parse("2026-10-01T00:00:00Z")));
        }

        @Test
        void anInvalidBatchIsRefusedWithEveryProblem() {
            userService.answer(422, """
                    {"type":"urn:pms:problem:owner.batch-invalid","status":422,"code":"owner.batch-invalid",
                     "detail":"1 of 2 entries are invalid; nothing was created",
                     "problems":[{"ref":"3","field":"phone","reason":"is not a mainland mobile number"},
                                 {"ref":"3","field":"category","reason":"must be OWNER, RESIDENT or COMMERCIAL_TENANT"}]}""");

            assertThatThrownBy(() -> people(Duration.ofSeconds(5)).register(TENANT, IMPORT, BATCH))
                    .isInstanceOfSatisfying(PeopleRegistry.Refused.class, refused -> assertThat(refused.problems())
                            .containsExactly(
                                    new PeopleRegistry.Problem("3", "phone", "is not a mainland mobile number"),
                                    new PeopleRegistry.Problem(
                                            "3", "category", "must be OWNER, RESIDENT or COMMERCIAL_TENANT")));
        }

        @Test
        void aRefusedTokenIsRenewedOnceAndTheBatchSentAgain() {
            userService.answer(200, okBody());
            PeopleRegistry people = people(Duration.ofSeconds(5));
            people.register(TENANT, IMPORT, BATCH);

            userService.revokeTokens();
            List<PeopleRegistry.Registered> registered = people.register(TENANT, IMPORT, BATCH);

            assertThat(registered).hasSize(2);
            assertThat(userService.tokenRequests).hasValue(2);
            assertThat(userService.paths).hasSize(3);
        }

        @Test
        void anUnknownTenantIsAFaultOfTheSetupNotOfTheBatch() {
            userService.answer(404, "{\"status\":404,\"code\":\"not-found\",\"detail\":\"tenant not found\"}");

            assertThatThrownBy(() -> people(Duration.ofSeconds(5)).register(TENANT, IMPORT, BATCH))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("404 not-found");
        }

        @Test
        void anEmptyBatchAsksNothing() {
            assertThat(people(Duration.ofSeconds(5)).register(TENANT, IMPORT, List.of()))
                    .isEmpty();
            assertThat(userService.tokenRequests).hasValue(0);
        }
    }

    @Nested
    class Listing {

        private final Instant start = Instant.parse("2026-11-21T02:15:04.120123Z");

        @Test
        void readsAPageAndWhereTheNextStarts() {
            UserServiceStandIn.Someone first = userService.put(TENANT, someone("张伟", "13900000001", start));
            UserServiceStandIn.Someone second =
                    userService.put(TENANT, someone("李娜", "13900000002", start.plusSeconds(1)));
            userService.put(TENANT, someone("王芳", "13900000003", start.plusSeconds(2)));

            PeopleRegistry.Changes page = people(Duration.ofSeconds(5)).changed(TENANT, null, 2);

            assertThat(page.people())
                    .containsExactly(
                            new PeopleRegistry.Snapshot(first.id(), "张伟", "139****0001", "OWNER", "ACTIVE", start),
                            new PeopleRegistry.Snapshot(
                                    second.id(), "李娜", "139****0002", "OWNER", "ACTIVE", start.plusSeconds(1)));
            assertThat(page.next()).isEqualTo(new PeopleRegistry.Cursor(start.plusSeconds(1), second.id()));
        }

        @Test
        void asksFromTheCursorAndTheLastPageHasNoNext() {
            userService.put(TENANT, someone("张伟", "13900000001", start));
            UUID after = UUID.fromString("00000000-0000-4000-8000-000000000000");

            PeopleRegistry.Changes page =
                    people(Duration.ofSeconds(5)).changed(TENANT, new PeopleRegistry.Cursor(start, after), 10);

            assertThat(page.people()).hasSize(1);
            assertThat(page.next()).isNull();
            assertThat(userService.listings(TENANT))
                    .containsExactly("GET /internal/v1/tenants/" + TENANT
                            + "/owners?size=10&updatedSince=2026-11-21T02%3A15%3A04.120123Z&after=" + after);
        }

        @Test
        void aServerErrorIsUnavailableAndAnUnknownTenantAFault() {
            userService.down(true);
            assertThatThrownBy(() -> people(Duration.ofSeconds(5)).changed(TENANT, null, 10))
                    .isInstanceOf(PeopleRegistry.Unavailable.class);

            userService.down(false);
            userService.answer(404, "{\"status\":404,\"code\":\"not-found\"}");
            assertThatThrownBy(() -> people(Duration.ofSeconds(5)).changed(TENANT, null, 10))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Nested
    class Lookup {

        @Test
        void answersThePeopleByTheAskedPhonesAndLeavesUnknownOnesOut() {
            UserServiceStandIn.Someone known =
                    userService.put(TENANT, someone("张伟", "13900000001", Instant.parse("2026-11-01T00:00:00Z")));

            Map<String, UUID> found =
                    people(Duration.ofSeconds(5)).findByPhones(TENANT, List.of("13900000009", "13900000001"));

            assertThat(found).containsExactly(Map.entry("13900000001", known.id()));
        }

        @Test
        void sendsThePhonesInTheBodyNeverInTheAddress() {
            people(Duration.ofSeconds(5)).findByPhones(TENANT, List.of("13900000001"));

            assertThat(userService.requests).containsExactly("POST /internal/v1/tenants/" + TENANT + "/owners/lookup");
            assertThat(userService.lastBody().path("phones").get(0).asString()).isEqualTo("13900000001");
        }

        @Test
        void aServerErrorIsUnavailable() {
            userService.down(true);

            assertThatThrownBy(() -> people(Duration.ofSeconds(5)).findByPhones(TENANT, List.of("13900000001")))
                    .isInstanceOf(PeopleRegistry.Unavailable.class)
                    .hasMessageNotContaining("13900000001");
        }
    }

    private static UserServiceStandIn.Someone someone(String name, String phone, Instant updatedAt) {
        return new UserServiceStandIn.Someone(UUID.randomUUID(), name, phone, "OWNER", "ACTIVE", updatedAt);
    }

    @Nested
    class WhenUnavailable {

        @Test
        void aServerErrorIsUnavailable() {
            userService.answer(500, "{\"status\":500,\"code\":\"internal-error\"}");

            assertThatThrownBy(() -> people(Duration.ofSeconds(5)).register(TENANT, IMPORT, BATCH))
                    .isInstanceOf(PeopleRegistry.Unavailable.class)
                    .hasMessageContaining("500");
        }

        @Test
        void aProxysErrorPageIsUnavailable() {
            userService.answer(502, "<html>Bad Gateway</html>");

            assertThatThrownBy(() -> people(Duration.ofSeconds(5)).register(TENANT, IMPORT, BATCH))
                    .isInstanceOf(PeopleRegistry.Unavailable.class);
        }

        @Test
        void aSlowAnswerIsUnavailableAfterTheRequestTimeout() {
            userService.answer(200, okBody());
            userService.delay(Duration.ofSeconds(3));
            long started = System.nanoTime();

            assertThatThrownBy(() -> people(Duration.ofMillis(300)).register(TENANT, IMPORT, BATCH))
                    .isInstanceOf(PeopleRegistry.Unavailable.class);

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        }

        @Test
        void noUserServiceIsUnavailable() throws IOException {
            int closedPort;
            try (ServerSocket socket = new ServerSocket(0)) {
                closedPort = socket.getLocalPort();
            }
            PeopleRegistry people = new UserServicePeople(
                    properties(URI.create("http://127.0.0.1:" + closedPort), Duration.ofSeconds(1)), Clock.systemUTC());

            assertThatThrownBy(() -> people.register(TENANT, IMPORT, BATCH))
                    .isInstanceOf(PeopleRegistry.Unavailable.class);
        }
    }

    @Test
    void aCandidateShowsNeitherPhoneNorIdNumber() {
        assertThat(BATCH.get(0).toString())
                .contains("139****0001")
                .doesNotContain("13900000001")
                .doesNotContain("11010119900307123X");
    }

    private PeopleRegistry people(Duration requestTimeout) {
        return new UserServicePeople(properties(URI.create(userService.uri()), requestTimeout), Clock.systemUTC());
    }

    private static UserServiceProperties properties(URI uri, Duration requestTimeout) {
        return new UserServiceProperties(uri, "asset-service", SECRET, Duration.ofSeconds(1), requestTimeout);
    }

    private static String okBody() {
        return """
                {"owners":[
                  {"ref":"2","ownerId":"00000000-0000-4000-8000-000000000001","created":true,"displayName":"张伟",
                   "phoneMasked":"139****0001","category":"OWNER","status":"ACTIVE",
                   "updatedAt":"2026-11-21T02:15:04.120123Z","addedLater":"ignored"},
                  {"ref":"3","ownerId":"00000000-0000-4000-8000-000000000002","created":false,"displayName":"李娜",
                   "phoneMasked":"139****0002","category":"RESIDENT","status":"DISABLED",
                   "updatedAt":"2026-10-01T00:00:00Z"}]}""";
    }
}
