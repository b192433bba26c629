package com.propcloud.pms.common.tenant.directory;

import com.propcloud.pms.common.security.ServiceTokenClient;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * A stand-in for user-service's internal API on a local port: a client-credentials token endpoint that
 * checks HTTP Basic, and the tenant list that checks the bearer token it issued. Public for {@code
 * ServiceTokenClientTests}, which uses the list as any resource that wants a service token.
 */
public final class StubUserService implements AutoCloseable {

    /** A tenant as the stub lists it; without limits it lists them not at all, as user-service once did. */
    public record Tenant(
            UUID id,
            String code,
            String name,
            String status,
            String timeZone,
            Instant updatedAt,
            @Nullable Integer maxProjects,
            @Nullable Integer maxUnits) {

        public static Tenant active(String code, String timeZone) {
            return new Tenant(UUID.randomUUID(), code, "Tenant " + code, "ACTIVE", timeZone, Instant.now(), null, null);
        }

        /** The same tenant with plan limits (null: unlimited, listed as null). */
        Tenant withLimits(@Nullable Integer projects, @Nullable Integer units) {
            return new Tenant(id, code, name, status, timeZone, updatedAt, projects, units);
        }

        String json() {
            String limits = maxProjects == null && maxUnits == null
                    ? ""
                    : ",\"maxProjects\":" + maxProjects + ",\"maxUnits\":" + maxUnits;
            return "{\"id\":\"" + id + "\",\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"status\":\"" + status
                    + "\",\"timeZone\":\"" + timeZone + "\",\"updatedAt\":\"" + updatedAt + "\"" + limits + "}";
        }
    }

    private final HttpServer server;
    private final String expectedBasic;
    private final Map<UUID, Tenant> tenants = new ConcurrentHashMap<>();
    private final Set<String> issued = ConcurrentHashMap.newKeySet();
    private final List<String> tokenAuthorizations = new CopyOnWriteArrayList<>();
    private final List<String> tokenBodies = new CopyOnWriteArrayList<>();
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private final AtomicInteger listRequests = new AtomicInteger();
    private final AtomicInteger refusedListRequests = new AtomicInteger();
    private volatile long expiresInSeconds = 900;
    private volatile Duration delay = Duration.ZERO;

    private StubUserService(int port, String clientId, String secret) throws IOException {
        this.expectedBasic = "Basic "
                + Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext(ServiceTokenClient.TOKEN_PATH, this::token);
        server.createContext(UserServiceTenantSource.TENANTS_PATH, this::list);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    public static StubUserService start(String clientId, String secret) throws IOException {
        return new StubUserService(0, clientId, secret);
    }

    static StubUserService startOn(int port, String clientId, String secret) throws IOException {
        return new StubUserService(port, clientId, secret);
    }

    public String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The path of the tenant list, which wants a token the stub issued. */
    public static String listPath() {
        return UserServiceTenantSource.TENANTS_PATH;
    }

    public StubUserService put(Tenant tenant) {
        tenants.put(tenant.id(), tenant);
        return this;
    }

    public void expiresIn(long seconds) {
        this.expiresInSeconds = seconds;
    }

    public void delay(Duration delay) {
        this.delay = delay;
    }

    /** Forgets the tokens it issued, as a restarted user-service with a new key would refuse them. */
    public void revokeTokens() {
        issued.clear();
    }

    public int tokenRequests() {
        return tokenRequests.get();
    }

    public int listRequests() {
        return listRequests.get();
    }

    public int refusedListRequests() {
        return refusedListRequests.get();
    }

    public List<String> tokenAuthorizations() {
        return List.copyOf(tokenAuthorizations);
    }

    public List<String> tokenBodies() {
        return List.copyOf(tokenBodies);
    }

    private void token(HttpExchange exchange) throws IOException {
        pause();
        tokenRequests.incrementAndGet();
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        tokenAuthorizations.add(String.valueOf(authorization));
        tokenBodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (!"POST".equals(exchange.getRequestMethod()) || !expectedBasic.equals(authorization)) {
            exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"pms-internal\"");
            send(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        String token = "stub-" + UUID.randomUUID();
        issued.add(token);
        send(
                exchange,
                200,
                "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":" + expiresInSeconds
                        + "}");
    }

    private void list(HttpExchange exchange) throws IOException {
        pause();
        listRequests.incrementAndGet();
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        // X-Stub-Refuse: a resource that refuses every token, as after a key rotation gone wrong
        if (authorization == null
                || exchange.getRequestHeaders().containsKey("X-Stub-Refuse")
                || !authorization.startsWith("Bearer ")
                || !issued.contains(authorization.substring("Bearer ".length()))) {
            refusedListRequests.incrementAndGet();
            send(exchange, 401, "{\"code\":\"auth.unauthenticated\"}");
            return;
        }
        StringBuilder body = new StringBuilder("{\"tenants\":[");
        String separator = "";
        for (Tenant tenant : tenants.values()) {
            body.append(separator).append(tenant.json());
            separator = ",";
        }
        send(exchange, 200, body.append("]}").toString());
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
