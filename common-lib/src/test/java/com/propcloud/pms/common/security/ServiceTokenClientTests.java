package com.propcloud.pms.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.propcloud.pms.common.tenant.directory.StubUserService;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A service's calls to user-service's internal API against a stub: client credentials, the token reused
 * until shortly before it expires, one fresh token on a 401, and time bounded by the timeouts.
 */
class ServiceTokenClientTests {

    private StubUserService stub;
    private MutableClock clock;

    @BeforeEach
    void start() throws IOException {
        stub = StubUserService.start("iot-service", "s3cret");
        clock = new MutableClock(Instant.parse("2026-11-21T02:00:00Z"));
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void sendsWithATokenObtainedByClientCredentials() throws Exception {
        HttpResponse<String> response = get(client("s3cret", Duration.ofSeconds(5)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(stub.tokenAuthorizations())
                .containsExactly("Basic " + Base64.getEncoder().encodeToString("iot-service:s3cret".getBytes()));
        assertThat(stub.tokenBodies()).containsExactly("grant_type=client_credentials");
        assertThat(stub.refusedListRequests()).isZero();
    }

    @Test
    void reusesTheTokenUntilShortlyBeforeItExpires() throws Exception {
        ServiceTokenClient client = client("s3cret", Duration.ofSeconds(5));

        get(client);
        clock.advance(Duration.ofMinutes(13));
        get(client);
        assertThat(stub.tokenRequests()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(1).plusSeconds(1)); // 14:01 of 15:00, inside the last minute
        get(client);
        assertThat(stub.tokenRequests()).isEqualTo(2);
        assertThat(stub.listRequests()).isEqualTo(3);
    }

    @Test
    void aShortLivedTokenIsRenewedHalfwayThrough() throws Exception {
        stub.expiresIn(60);
        ServiceTokenClient client = client("s3cret", Duration.ofSeconds(5));

        get(client);
        clock.advance(Duration.ofSeconds(29));
        get(client);
        assertThat(stub.tokenRequests()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(2));
        get(client);
        assertThat(stub.tokenRequests()).isEqualTo(2);
    }

    @Test
    void aRefusedTokenIsReplacedAndTheRequestSentOnceMore() throws Exception {
        ServiceTokenClient client = client("s3cret", Duration.ofSeconds(5));
        get(client);

        stub.revokeTokens();
        HttpResponse<String> response = get(client);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(stub.tokenRequests()).isEqualTo(2);
        assertThat(stub.refusedListRequests()).isEqualTo(1);
    }

    @Test
    void aSecondRefusalIsTheCallersAnswer() throws Exception {
        ServiceTokenClient client = new ServiceTokenClient(
                URI.create(stub.uri()), "iot-service", "s3cret", Duration.ofSeconds(1), Duration.ofSeconds(5), clock);

        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(client.resolve(StubUserService.listPath()))
                        .GET()
                        .header("X-Stub-Refuse", "always"),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(stub.listRequests()).isEqualTo(2);
    }

    @Test
    void aWrongSecretFailsSayingWhy() {
        assertThatThrownBy(() -> get(client("wrong", Duration.ofSeconds(5))))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("iot-service")
                .hasMessageContaining("401")
                .hasMessageContaining("invalid_client");
        assertThat(stub.listRequests()).isZero();
    }

    @Test
    void aHangingUserServiceCostsNoMoreThanTheTimeout() {
        stub.delay(Duration.ofSeconds(5));
        long started = System.nanoTime();

        assertThatThrownBy(() -> get(client("s3cret", Duration.ofMillis(300))))
                .isInstanceOf(HttpTimeoutException.class);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void resolvesPathsUnderTheBaseWithoutDoubleSlashes() {
        ServiceTokenClient client = client("s3cret", Duration.ofSeconds(5));

        assertThat(client.resolve("/internal/v1/tenants")).hasToString(stub.uri() + "/internal/v1/tenants");
    }

    private HttpResponse<String> get(ServiceTokenClient client) throws IOException, InterruptedException {
        return client.send(
                HttpRequest.newBuilder(client.resolve(StubUserService.listPath()))
                        .GET(),
                HttpResponse.BodyHandlers.ofString());
    }

    private ServiceTokenClient client(String secret, Duration requestTimeout) {
        return new ServiceTokenClient(
                URI.create(stub.uri() + "//"), "iot-service", secret, Duration.ofSeconds(1), requestTimeout, clock);
    }

    static final class MutableClock extends Clock {

        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
