package com.propcloud.pms.gateway;

import static com.propcloud.pms.gateway.GatewayProblemDetailsIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.propcloud.pms.test.TestJwks;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Budgets against the real Redis (keys under this run's prefix). Each test speaks from its own
 * client address ({@code X-Forwarded-For}, honoured because the test connects from loopback, a
 * trusted proxy) and with its own users, so tests never share a bucket. Budgets are small and slow
 * to refill so that a slow machine cannot refill a bucket in the middle of a test.
 */
@TestPropertySource(
        properties = {
            "pms.gateway.rate-limit.per-user.rate=1",
            "pms.gateway.rate-limit.per-user.period=2s",
            "pms.gateway.rate-limit.per-user.burst=3",
            "pms.gateway.rate-limit.per-ip.rate=1",
            "pms.gateway.rate-limit.per-ip.period=2s",
            "pms.gateway.rate-limit.per-ip.burst=6",
            "pms.gateway.rate-limit.auth-per-ip.rate=2",
            "pms.gateway.rate-limit.auth-per-ip.period=1m",
            "pms.gateway.rate-limit.auth-per-ip.burst=2",
            // budgets are under test here, not fail-open (RateLimitFailOpenIT): a busy machine must not
            // make the limiter give up on Redis
            "pms.gateway.rate-limit.redis-timeout=2s"
        })
class RateLimitIT extends GatewayTestSupport {

    @Autowired
    MeterRegistry meters;

    /** Readiness includes Redis: once it is UP, the limiter's connection is there too. */
    @BeforeEach
    void redisIsConnected() {
        client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
    }

    @Test
    void userOverBudgetGets429WithRetryAfterAndAnotherUserIsUnaffected() {
        String ip = randomIp();
        String alice = userToken();
        String bob = userToken();
        for (int i = 0; i < 3; i++) {
            get("/api/v1/work-orders", alice, ip).expectStatus().isOk();
        }
        double limitedBefore = limited("user");

        EntityExchangeResult<Map<String, Object>> refused =
                assertProblem(get("/api/v1/work-orders", alice, ip), HttpStatus.TOO_MANY_REQUESTS, "too-many-requests");

        assertThat(refused.getResponseBody())
                .containsEntry("type", "urn:pms:problem:too-many-requests")
                .containsEntry("title", "Too Many Requests")
                .containsEntry("instance", "/api/v1/work-orders");
        assertThat(retryAfter(refused)).isBetween(1L, 2L);
        assertThat(limited("user")).isEqualTo(limitedBefore + 1);
        // same address, other user: the address still has room, the user has a full bucket
        get("/api/v1/work-orders", bob, ip).expectStatus().isOk();
    }

    @Test
    void sameUserInAnotherTenantIsAnotherBudget() {
        UUID user = UUID.randomUUID();
        String ip = randomIp();
        String inDemo = TestJwks.get()
                .token()
                .subject(user)
                .tenant(UUID.randomUUID(), "demo")
                .sign();
        String inAcme = TestJwks.get()
                .token()
                .subject(user)
                .tenant(UUID.randomUUID(), "acme")
                .sign();
        for (int i = 0; i < 3; i++) {
            get("/api/v1/me", inDemo, ip).expectStatus().isOk();
        }
        get("/api/v1/me", inDemo, ip).expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        get("/api/v1/me", inAcme, ip).expectStatus().isOk();
    }

    @Test
    void addressBudgetCoversAllItsUsers() {
        String ip = randomIp();
        // six users, one request each: the address's burst of six is spent, no user's is
        for (int i = 0; i < 6; i++) {
            get("/api/v1/units", userToken(), ip).expectStatus().isOk();
        }
        EntityExchangeResult<Map<String, Object>> refused =
                assertProblem(get("/api/v1/units", userToken(), ip), HttpStatus.TOO_MANY_REQUESTS, "too-many-requests");
        assertThat(retryAfter(refused)).isBetween(1L, 2L);
        // another address is unaffected
        get("/api/v1/units", userToken(), randomIp()).expectStatus().isOk();
    }

    @Test
    void anonymousLoginIsLimitedPerAddressWithTheStricterBudget() {
        String ip = randomIp();
        login(ip).expectStatus().isOk();
        login(ip).expectStatus().isOk();

        EntityExchangeResult<Map<String, Object>> refused =
                assertProblem(login(ip), HttpStatus.TOO_MANY_REQUESTS, "too-many-requests");

        // 2 per minute: the next attempt is about 30 s away
        assertThat(retryAfter(refused)).isBetween(20L, 31L);
        assertThat((String) refused.getResponseBody().get("detail")).contains("sign-in attempts");
        // the other credential endpoints share the budget, other addresses have their own
        client.post()
                .uri("/api/v1/auth/sms-codes")
                .header("X-Forwarded-For", ip)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        login(randomIp()).expectStatus().isOk();
    }

    @Test
    void forwardedForIsReadFromTheRightAndSpoofedEntriesDoNotEscapeTheBudget() {
        String ip = randomIp();
        login(ip).expectStatus().isOk();
        login(ip).expectStatus().isOk();
        // a client prepending addresses of its own does not get a fresh budget: the proxy appended the real one
        client.post()
                .uri("/api/v1/auth/login")
                .header("X-Forwarded-For", randomIp() + ", " + ip)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    }

    @Test
    void budgetsRefill() throws InterruptedException {
        String ip = randomIp();
        String token = userToken();
        for (int i = 0; i < 3; i++) {
            get("/api/v1/bills", token, ip).expectStatus().isOk();
        }
        long wait = retryAfter(
                assertProblem(get("/api/v1/bills", token, ip), HttpStatus.TOO_MANY_REQUESTS, "too-many-requests"));

        Thread.sleep(Duration.ofSeconds(wait).toMillis());

        get("/api/v1/bills", token, ip).expectStatus().isOk();
    }

    @Test
    void pathsOutsideTheApiAreNotLimited() {
        for (int i = 0; i < 10; i++) {
            client.get()
                    .uri("/actuator/health/liveness")
                    .header("X-Forwarded-For", "2001:db8::250")
                    .exchange()
                    .expectStatus()
                    .isOk();
        }
    }

    private WebTestClient.ResponseSpec get(String path, String token, String ip) {
        return client.get()
                .uri(path)
                .headers(h -> h.setBearerAuth(token))
                .header("X-Forwarded-For", ip)
                .exchange();
    }

    private WebTestClient.ResponseSpec login(String ip) {
        return client.post()
                .uri("/api/v1/auth/login")
                .header("X-Forwarded-For", ip)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"tenant\":\"demo\",\"username\":\"admin\",\"password\":\"x\"}")
                .exchange();
    }

    private double limited(String budget) {
        return meters.get("pms.gateway.ratelimit.limited")
                .tag("budget", budget)
                .counter()
                .count();
    }

    private static long retryAfter(EntityExchangeResult<?> result) {
        String value = result.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER);
        assertThat(value).as("Retry-After").isNotNull().containsOnlyDigits();
        return Long.parseLong(value);
    }

    private static String userToken() {
        return TestJwks.get()
                .token()
                .subject(UUID.randomUUID())
                .tenant(UUID.randomUUID(), "demo")
                .kind("staff")
                .roles("HQ_ADMIN")
                .sign();
    }

    /** The IPv6 documentation range (RFC 3849): never a real client, never a trusted proxy. */
    private static String randomIp() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "2001:db8:" + Integer.toHexString(random.nextInt(0x10000)) + "::"
                + Integer.toHexString(random.nextInt(1, 0x10000));
    }
}
