package com.propcloud.pms.asset.occupancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The adapter against a stand-in for user-service on a local port (its token endpoint and the batch
 * endpoint): the wire format both ways, and which answers mean refused, unavailable or a fault.
 */
class UserServicePeopleTests {

    private static final String SECRET = "s3cret";
    private static final UUID TENANT = UUID.fromString("8f1e2d3c-4b5a-4697-8877-665544332211");
    private static final UUID IMPORT = UUID.fromString("5b0c1d2e-3f40-4152-8637-48596a7b8c9d");
    private static final List<PeopleRegistry.Candidate> BATCH = List.of(
            new PeopleRegistry.Candidate("2", "张伟", "13900000001", "11010119900307123X", "OWNER"),
            new PeopleRegistry.Candidate("3", "李娜", "13900000002", null, "RESIDENT"));

    private Stub userService;

    @BeforeEach
    void start() throws IOException {
        userService = new Stub();
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
            userService.delayBatch(Duration.ofSeconds(3));
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

    /**
     * user-service as far as the adapter meets it: the client-credentials endpoint (HTTP Basic checked)
     * and the batch endpoint, which wants a token the stub issued and answers what the test set.
     */
    static final class Stub implements AutoCloseable {

        private static final JsonMapper JSON = JsonMapper.builder().build();

        final AtomicInteger tokenRequests = new AtomicInteger();
        final List<String> paths = new CopyOnWriteArrayList<>();
        private final List<byte[]> bodies = new CopyOnWriteArrayList<>();
        private final Set<String> issued = ConcurrentHashMap.newKeySet();
        private final HttpServer server;
        private volatile int status = 200;
        private volatile String answer = "{}";
        private volatile Duration batchDelay = Duration.ZERO;

        Stub() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/internal/oauth2/token", this::token);
            server.createContext("/internal/v1/tenants/", this::batch);
            server.setExecutor(Executors.newCachedThreadPool());
            server.start();
        }

        String uri() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        void answer(int status, String body) {
            this.status = status;
            this.answer = body;
        }

        void delayBatch(Duration delay) {
            this.batchDelay = delay;
        }

        void revokeTokens() {
            issued.clear();
        }

        JsonNode lastBody() {
            return JSON.readTree(bodies.get(bodies.size() - 1));
        }

        private void token(HttpExchange exchange) throws IOException {
            tokenRequests.incrementAndGet();
            String expected = "Basic "
                    + Base64.getEncoder().encodeToString(("asset-service:" + SECRET).getBytes(StandardCharsets.UTF_8));
            if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                send(exchange, 401, "{\"error\":\"invalid_client\"}");
                return;
            }
            String token = "stub-" + UUID.randomUUID();
            issued.add(token);
            send(exchange, 200, "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":900}");
        }

        private void batch(HttpExchange exchange) throws IOException {
            paths.add(exchange.getRequestURI().getPath());
            bodies.add(exchange.getRequestBody().readAllBytes());
            String authorization = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
            if (!"POST".equals(exchange.getRequestMethod())
                    || !issued.contains(authorization.replaceFirst("^Bearer ", ""))) {
                send(exchange, 401, "{\"status\":401,\"code\":\"auth.unauthenticated\"}");
                return;
            }
            try {
                Thread.sleep(batchDelay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            send(exchange, status, answer);
        }

        private static void send(HttpExchange exchange, int status, String json) throws IOException {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
