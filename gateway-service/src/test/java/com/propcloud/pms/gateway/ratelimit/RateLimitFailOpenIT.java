package com.propcloud.pms.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.propcloud.pms.gateway.ratelimit.RedisRateLimiter.Bucket;
import com.propcloud.pms.gateway.ratelimit.RedisRateLimiter.Budget;
import com.propcloud.pms.gateway.ratelimit.RedisRateLimiter.Decision;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * With Redis unreachable (a closed port) the limiter lets every request through, quickly, and says
 * so in its metric. The bound asserted is generous (the machine is shared); the real overhead is in
 * docs/benchmarks.md.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            // a budget that would refuse the second request, were Redis there
            "pms.gateway.rate-limit.per-ip.rate=1",
            "pms.gateway.rate-limit.per-ip.period=1m",
            "pms.gateway.rate-limit.per-ip.burst=1"
        })
@AutoConfigureWebTestClient(timeout = "PT30S")
class RateLimitFailOpenIT {

    private static final Duration GENEROUS_BOUND = Duration.ofMillis(250);

    private static final HttpServer USER_SERVICE = startStub();

    @Autowired
    WebTestClient client;

    @Autowired
    RedisRateLimiter limiter;

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void unreachableRedis(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.host", () -> "127.0.0.1");
        registry.add("spring.data.redis.port", RateLimitFailOpenIT::freePort);
        registry.add("pms.redis.key-prefix", () -> "test:" + UUID.randomUUID() + ":");
        registry.add(
                "PMS_USER_URI",
                () -> "http://127.0.0.1:" + USER_SERVICE.getAddress().getPort());
    }

    @Test
    void limiterLetsRequestsThroughQuicklyAndCountsIt() {
        List<Bucket> buckets = List.of(
                new Bucket(Budget.IP, "2001:db8::1", new RateLimitProperties.Budget(1, Duration.ofMinutes(1), 1)));
        List<Duration> added = new ArrayList<>();
        // the first calls meet the Redis timeout; the rest find the limiter paused
        for (int i = 0; i < 20; i++) {
            long start = System.nanoTime();
            Decision decision = limiter.check(buckets).block(Duration.ofSeconds(5));
            added.add(Duration.ofNanos(System.nanoTime() - start));
            assertThat(decision).isNotNull().extracting(Decision::allowed).isEqualTo(true);
        }
        assertThat(added).allSatisfy(time -> assertThat(time).isLessThan(GENEROUS_BOUND));
        assertThat(failOpen("timeout") + failOpen("error")).isGreaterThanOrEqualTo(1);
        assertThat(failOpen("paused")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void requestsThroughTheGatewayPass() {
        for (int i = 0; i < 5; i++) {
            client.post()
                    .uri("/api/v1/auth/login")
                    .header("X-Forwarded-For", "2001:db8::2")
                    .exchange()
                    .expectStatus()
                    .isOk();
        }
    }

    private double failOpen(String reason) {
        return meters.get("pms.gateway.ratelimit.failopen")
                .tag("reason", reason)
                .counter()
                .count();
    }

    private static HttpServer startStub() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
