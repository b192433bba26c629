package com.propcloud.pms.common.tenant.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP side of the directory against a stub user-service: client credentials, token reuse, the list. */
class UserServiceTenantSourceTests {

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
    void fetchesTheListWithATokenObtainedByClientCredentials() throws Exception {
        StubUserService.Tenant demo = StubUserService.Tenant.active("demo", "Asia/Shanghai");
        stub.put(demo);

        List<TenantRecord> tenants = source("s3cret", Duration.ofSeconds(5)).fetchAll();

        assertThat(tenants)
                .containsExactly(new TenantRecord(
                        demo.id(), "demo", "Tenant demo", "ACTIVE", ZoneId.of("Asia/Shanghai"), demo.updatedAt()));
        assertThat(stub.tokenBodies()).containsExactly("grant_type=client_credentials");
        assertThat(stub.refusedListRequests()).isZero();
    }

    @Test
    void reusesTheTokenUntilShortlyBeforeItExpires() throws Exception {
        UserServiceTenantSource source = source("s3cret", Duration.ofSeconds(5));

        source.fetchAll();
        clock.advance(Duration.ofMinutes(13));
        source.fetchAll();
        assertThat(stub.tokenRequests()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(1).plusSeconds(1)); // 14:01 of 15:00, inside the last minute
        source.fetchAll();
        assertThat(stub.tokenRequests()).isEqualTo(2);
        assertThat(stub.listRequests()).isEqualTo(3);
    }

    @Test
    void aRefusedTokenIsReplacedOnce() throws Exception {
        UserServiceTenantSource source = source("s3cret", Duration.ofSeconds(5));
        source.fetchAll();

        stub.revokeTokens();
        source.fetchAll();

        assertThat(stub.tokenRequests()).isEqualTo(2);
        assertThat(stub.refusedListRequests()).isEqualTo(1);
    }

    @Test
    void aWrongSecretFailsSayingWhy() {
        assertThatThrownBy(() -> source("wrong", Duration.ofSeconds(5)).fetchAll())
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

        assertThatThrownBy(() -> source("s3cret", Duration.ofMillis(300)).fetchAll())
                .isInstanceOf(HttpTimeoutException.class);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void anUnreadableEntryIsSkippedAndTheRestKept() throws Exception {
        String body = """
                {"tenants":[
                  {"id":"8f1e2d3c-4b5a-4697-8877-665544332211","code":"Demo","name":"Demo","status":"active",
                   "timeZone":"Asia/Shanghai","updatedAt":"2026-11-21T02:15:04.118Z"},
                  {"id":"9f1e2d3c-4b5a-4697-8877-665544332211","code":"mars","name":"Mars","status":"ACTIVE",
                   "timeZone":"Mars/Olympus_Mons","updatedAt":"2026-11-21T02:15:04.118Z"},
                  {"code":"noid","name":"No id","status":"ACTIVE","timeZone":"UTC"}
                ]}""";

        List<TenantRecord> tenants = UserServiceTenantSource.parseTenants(body.getBytes(StandardCharsets.UTF_8));

        assertThat(tenants).singleElement().satisfies(tenant -> {
            assertThat(tenant.code()).isEqualTo("demo");
            assertThat(tenant.status()).isEqualTo("ACTIVE");
        });
    }

    @Test
    void aListWithoutTenantsIsAnError() {
        assertThatThrownBy(
                        () -> UserServiceTenantSource.parseTenants("{\"items\":[]}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> UserServiceTenantSource.parseTenants("<html>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class);
    }

    private UserServiceTenantSource source(String secret, Duration requestTimeout) {
        return new UserServiceTenantSource(
                URI.create(stub.uri() + "/"), "iot-service", secret, Duration.ofSeconds(1), requestTimeout, clock);
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
