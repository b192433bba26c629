package com.propcloud.pms.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.propcloud.pms.test.TestJwks;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Leases against the real Redis: a busy user is served mostly from leases, and still gets exactly
 * its budget, not one request more. Budgets refill so slowly (one request per ten minutes) and
 * leases live so long that neither refill nor a lapsed lease can change the count during the test.
 */
@TestPropertySource(
        properties = {
            "pms.gateway.rate-limit.per-user.rate=1",
            "pms.gateway.rate-limit.per-user.period=10m",
            "pms.gateway.rate-limit.per-user.burst=100",
            "pms.gateway.rate-limit.per-ip.rate=1",
            "pms.gateway.rate-limit.per-ip.period=10m",
            "pms.gateway.rate-limit.per-ip.burst=1000",
            "pms.gateway.rate-limit.lease.max-size=50",
            "pms.gateway.rate-limit.lease.lifetime=10m",
            "pms.gateway.rate-limit.redis-timeout=2s"
        })
class RateLimitLeaseIT extends GatewayTestSupport {

    private static final String ADDRESS = "2001:db8:1ea5::" + Integer.toHexString((int) (Math.random() * 0xffff) + 1);

    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void redisIsConnected() {
        client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
    }

    @Test
    void busyUserIsServedFromLeasesAndGetsExactlyItsBudget() {
        String alice = userToken();
        double leasedBefore = counter("pms.gateway.ratelimit.leased");

        for (int i = 0; i < 100; i++) {
            get(alice).expectStatus().isOk();
        }
        get(alice).expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);

        // user leases grow 1, 2, 4, 8, 10 (a tenth of the burst): most requests never asked Redis
        assertThat(counter("pms.gateway.ratelimit.leased") - leasedBefore).isGreaterThanOrEqualTo(60);
        // the refused request gave its address token back, and the address has plenty left
        get(userToken()).expectStatus().isOk();
    }

    private WebTestClient.ResponseSpec get(String token) {
        return client.get()
                .uri("/api/v1/units")
                .headers(h -> h.setBearerAuth(token))
                .header("X-Forwarded-For", ADDRESS)
                .exchange();
    }

    private double counter(String name) {
        return meters.get(name).counter().count();
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
}
