package com.propcloud.pms.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.propcloud.pms.test.TestJwks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * With Redis and user-service's key set unreachable the gateway still starts, stays live, says
 * promptly that it is not ready, and blames the right party when it cannot check a token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "PT30S")
class DependencyOutageIT {

    @Autowired
    WebTestClient client;

    @DynamicPropertySource
    static void unreachableDependencies(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.host", () -> "127.0.0.1");
        registry.add("spring.data.redis.port", DependencyOutageIT::freePort);
        registry.add(
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                () -> "http://127.0.0.1:" + freePort() + "/api/v1/auth/jwks");
    }

    @Test
    void reportsNotReadyWithinTheHealthTimeout() {
        Instant start = Instant.now();
        client.get()
                .uri("/actuator/health/readiness")
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void staysLive() {
        client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
    }

    @Test
    void answersTokensThatCannotBeCheckedWith503() {
        GatewayProblemDetailsIT.assertProblem(
                client.get()
                        .uri("/api/v1/work-orders")
                        .headers(h -> h.setBearerAuth(TestJwks.get().token().sign()))
                        .exchange(),
                HttpStatus.SERVICE_UNAVAILABLE,
                "auth.unavailable");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
