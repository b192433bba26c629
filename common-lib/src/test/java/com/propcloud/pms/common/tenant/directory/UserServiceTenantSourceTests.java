package com.propcloud.pms.common.tenant.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP side of the directory against a stub user-service: the list read with a service token (the
 * token's life is {@code ServiceTokenClientTests}'), and what is kept of an odd list.
 */
class UserServiceTenantSourceTests {

    private StubUserService stub;

    @BeforeEach
    void start() throws IOException {
        stub = StubUserService.start("iot-service", "s3cret");
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void fetchesTheListWithATokenObtainedByClientCredentials() throws Exception {
        StubUserService.Tenant demo = StubUserService.Tenant.active("demo", "Asia/Shanghai");
        stub.put(demo);

        List<TenantRecord> tenants = source().fetchAll();

        assertThat(tenants)
                .containsExactly(new TenantRecord(
                        demo.id(),
                        "demo",
                        "Tenant demo",
                        "ACTIVE",
                        ZoneId.of("Asia/Shanghai"),
                        null,
                        null,
                        demo.updatedAt()));
        assertThat(stub.tokenBodies()).containsExactly("grant_type=client_credentials");
        assertThat(stub.refusedListRequests()).isZero();
    }

    @Test
    void aRefusedTokenIsReplacedOnce() throws Exception {
        UserServiceTenantSource source = source();
        source.fetchAll();

        stub.revokeTokens();
        source.fetchAll();

        assertThat(stub.tokenRequests()).isEqualTo(2);
        assertThat(stub.refusedListRequests()).isEqualTo(1);
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

    private UserServiceTenantSource source() {
        return new UserServiceTenantSource(
                URI.create(stub.uri() + "/"),
                "iot-service",
                "s3cret",
                Duration.ofSeconds(1),
                Duration.ofSeconds(5),
                Clock.systemUTC());
    }
}
