package com.propcloud.pms.asset.occupancy;

import com.propcloud.pms.common.audit.Masking;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * user-service as asset-service meets it, on a local port: the client-credentials endpoint (HTTP Basic
 * checked) and the internal owners routes, which want a token it issued. The listing and the lookup
 * answer from the people the test puts here, as user-service would (keyset by {@code (updatedAt, id)},
 * one tenant's people, phones masked); the batch answers what the test set, and so does every route
 * while a fixed answer is set or the stand-in is {@linkplain #down() down}.
 */
final class UserServiceStandIn implements AutoCloseable {

    static final String CLIENT = "asset-service";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String OWNERS = "/internal/v1/tenants/";

    /** One person of a tenant, with the phone in clear as only user-service holds it. */
    record Someone(UUID id, String displayName, String phone, String category, String status, Instant updatedAt) {

        Someone renamed(String name, Instant at) {
            return new Someone(id, name, phone, category, status, at);
        }
    }

    final AtomicInteger tokenRequests = new AtomicInteger();
    /** Every owners request as {@code METHOD path?query}. */
    final List<String> requests = new CopyOnWriteArrayList<>();

    final List<String> paths = new CopyOnWriteArrayList<>();
    private final List<byte[]> bodies = new CopyOnWriteArrayList<>();
    private final Set<String> issued = ConcurrentHashMap.newKeySet();
    private final Map<UUID, Map<UUID, Someone>> people = new ConcurrentHashMap<>();
    private final String secret;
    private final HttpServer server;
    private volatile int status = 200;
    private volatile @Nullable String answer;
    private volatile boolean down;
    private volatile Duration delay = Duration.ZERO;

    UserServiceStandIn(String secret) throws IOException {
        this.secret = secret;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/internal/oauth2/token", this::token);
        server.createContext(OWNERS, this::owners);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Every owners route answers this from now on (the batch has no other answer). */
    void answer(int status, String body) {
        this.status = status;
        this.answer = body;
    }

    /** Every owners route answers 503, as a proxy in front of a stopped user-service does; or not again. */
    void down(boolean down) {
        this.down = down;
    }

    void delay(Duration delay) {
        this.delay = delay;
    }

    void revokeTokens() {
        issued.clear();
    }

    Someone put(UUID tenant, Someone person) {
        people.computeIfAbsent(tenant, t -> new ConcurrentHashMap<>()).put(person.id(), person);
        return person;
    }

    /** The listing requests of a tenant, as {@code path?query}. */
    List<String> listings(UUID tenant) {
        String prefix = "GET " + OWNERS + tenant + "/owners?";
        return requests.stream().filter(r -> r.startsWith(prefix)).toList();
    }

    JsonNode lastBody() {
        return JSON.readTree(bodies.get(bodies.size() - 1));
    }

    private void token(HttpExchange exchange) throws IOException {
        tokenRequests.incrementAndGet();
        String expected =
                "Basic " + Base64.getEncoder().encodeToString((CLIENT + ":" + secret).getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            send(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        String token = "stub-" + UUID.randomUUID();
        issued.add(token);
        send(exchange, 200, "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":900}");
    }

    private void owners(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getRawQuery();
        paths.add(path);
        requests.add(exchange.getRequestMethod() + " " + path + (query == null ? "" : "?" + query));
        byte[] body = exchange.getRequestBody().readAllBytes();
        bodies.add(body);
        String authorization = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
        if (!issued.contains(authorization.replaceFirst("^Bearer ", ""))) {
            send(exchange, 401, "{\"status\":401,\"code\":\"auth.unauthenticated\"}");
            return;
        }
        pause();
        if (down) {
            send(exchange, 503, "<html>Service Unavailable</html>");
            return;
        }
        String fixed = answer;
        if (fixed != null) {
            send(exchange, status, fixed);
            return;
        }
        // /internal/v1/tenants/{tenantId}/owners[/lookup]
        String[] parts = path.substring(OWNERS.length()).split("/");
        UUID tenant = UUID.fromString(parts[0]);
        if (parts.length == 2 && "GET".equals(exchange.getRequestMethod())) {
            send(exchange, 200, JSON.writeValueAsString(listing(tenant, parameters(query))));
        } else if (parts.length == 3 && "lookup".equals(parts[2])) {
            send(exchange, 200, JSON.writeValueAsString(lookup(tenant, JSON.readTree(body))));
        } else {
            send(exchange, 200, "{}");
        }
    }

    private Map<String, Object> listing(UUID tenant, Map<String, String> query) {
        Instant since = query.containsKey("updatedSince") ? Instant.parse(query.get("updatedSince")) : Instant.EPOCH;
        String after = query.getOrDefault("after", "");
        int size = Integer.parseInt(query.getOrDefault("size", "500"));
        // ids compare as their text, which orders them as PostgreSQL orders uuids
        List<Someone> page = people.getOrDefault(tenant, Map.of()).values().stream()
                .sorted(Comparator.comparing(Someone::updatedAt).thenComparing(p -> p.id().toString()))
                .filter(p -> p.updatedAt().isAfter(since)
                        || (p.updatedAt().equals(since) && p.id().toString().compareTo(after) > 0))
                .limit(size + 1L)
                .toList();
        List<Map<String, Object>> owners = new ArrayList<>();
        for (Someone p : page.subList(0, Math.min(size, page.size()))) {
            Map<String, Object> owner = new LinkedHashMap<>();
            owner.put("ownerId", p.id().toString());
            owner.put("displayName", p.displayName());
            owner.put("category", p.category());
            owner.put("phoneMasked", Masking.phone(p.phone()));
            owner.put("status", p.status());
            owner.put("updatedAt", p.updatedAt().toString());
            owners.add(owner);
        }
        Map<String, Object> listing = new LinkedHashMap<>();
        listing.put("owners", owners);
        if (page.size() > size) {
            Someone last = page.get(size - 1);
            listing.put(
                    "next",
                    Map.of(
                            "updatedSince",
                            last.updatedAt().toString(),
                            "after",
                            last.id().toString()));
        } else {
            listing.put("next", null);
        }
        return listing;
    }

    private Map<String, Object> lookup(UUID tenant, JsonNode request) {
        List<Map<String, Object>> owners = new ArrayList<>();
        JsonNode phones = request.path("phones");
        for (int i = 0; i < phones.size(); i++) {
            String phone = phones.get(i).asString();
            for (Someone p : people.getOrDefault(tenant, Map.of()).values()) {
                if (p.phone().equals(phone) && !"DELETED".equals(p.status())) {
                    owners.add(Map.of("index", i, "phone", Masking.phone(phone), "ownerId", p.id().toString()));
                }
            }
        }
        return Map.of("owners", owners);
    }

    private static Map<String, String> parameters(@Nullable String query) {
        Map<String, String> parameters = new HashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                parameters.put(
                        pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }

    private void pause() {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
