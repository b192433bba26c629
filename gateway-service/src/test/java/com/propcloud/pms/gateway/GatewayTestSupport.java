package com.propcloud.pms.gateway;

import com.propcloud.pms.test.TestJwks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * One gateway context for every integration test: six stub services, tokens from common-test's
 * {@link TestJwks}, the real Redis on localhost, and two extra routes to a dead and a slow service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "PT30S")
@Import(TestRoutes.class)
abstract class GatewayTestSupport {

    static final Map<String, StubDownstream> SERVICES = Map.of(
            "user", StubDownstream.start("user"),
            "asset", StubDownstream.start("asset"),
            "workorder", StubDownstream.start("workorder"),
            "billing", StubDownstream.start("billing"),
            "iot", StubDownstream.start("iot"),
            "reporting", StubDownstream.start("reporting"));

    /** A port nothing listens on: the "service is down" case. */
    static final String DEAD_SERVICE_URI = "http://127.0.0.1:" + freePort();

    static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(1);

    /** This run's Redis keys (rate limit buckets): never shared with a running platform or another run. */
    static final String REDIS_KEY_PREFIX = "test:" + UUID.randomUUID() + ":";

    static final String DOWNSTREAM_PROBLEM = "{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409,"
            + "\"detail\":\"already closed\",\"code\":\"work-order.illegal-transition\"}";

    static {
        // a service that answers after the gateway gave up on it
        SERVICES.get("reporting").reply("/api/v1/reports/slow", exchange -> {
            try {
                Thread.sleep(RESPONSE_TIMEOUT.multipliedBy(3).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        // a service that drops the connection without a word
        SERVICES.get("iot").reply("/api/v1/devices/crash", exchange -> exchange.close());
        // a service's own problem answer, which the gateway must relay untouched
        SERVICES.get("workorder").reply("/api/v1/work-orders/42/assign", exchange -> {
            byte[] body = DOWNSTREAM_PROBLEM.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
            exchange.sendResponseHeaders(409, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
    }

    @Autowired
    WebTestClient client;

    @DynamicPropertySource
    static void downstreams(DynamicPropertyRegistry registry) {
        SERVICES.forEach(
                (name, stub) -> registry.add("PMS_" + name.toUpperCase(java.util.Locale.ROOT) + "_URI", stub::baseUri));
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestJwks.get()::jwksUri);
        registry.add("spring.cloud.gateway.server.webflux.httpclient.response-timeout", RESPONSE_TIMEOUT::toString);
        registry.add("spring.cloud.gateway.server.webflux.httpclient.connect-timeout", () -> "1000");
        registry.add("pms.redis.key-prefix", () -> REDIS_KEY_PREFIX);
    }

    static StubDownstream service(String name) {
        return SERVICES.get(name);
    }

    static String staffToken() {
        return TestJwks.get().token().kind("staff").roles("HQ_ADMIN").sign();
    }

    static String marker() {
        return UUID.randomUUID().toString();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
