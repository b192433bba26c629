package com.propcloud.pms.reporting.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.propcloud.pms.test.TestInfrastructure;
import com.propcloud.pms.test.TestJwks;
import com.propcloud.pms.test.UsesPmsInfrastructure;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The telemetry report over the reporting store's {@code telemetry.reading}. That schema belongs to
 * iot-service, whose migrations do not run here (and reporting-service must not depend on its
 * files), so the test creates, as the administrator, a minimal table compatible with what the
 * report reads (tenant_id, device_id, ts, metrics jsonb, with the same row-level security policy)
 * and grants reporting's application role the read access iot-service's bootstrap grants it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesPmsInfrastructure
class TelemetryReportIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    private static final UUID TENANT = UUID.randomUUID();
    private static final UUID OTHER = UUID.randomUUID();
    private static boolean prepared;

    @LocalServerPort
    int port;

    @BeforeEach
    void prepareTelemetrySchema() throws SQLException {
        if (prepared) {
            return;
        }
        String app = TestInfrastructure.get().runId() + "_reporting_app";
        try (Connection db = admin();
                Statement st = db.createStatement()) {
            st.execute("create schema if not exists telemetry");
            st.execute("""
                    create table telemetry.reading (
                        tenant_id uuid not null, device_id text not null, ts timestamptz not null,
                        metrics jsonb not null, received_at timestamptz not null default now())
                    """);
            st.execute("alter table telemetry.reading enable row level security");
            st.execute("alter table telemetry.reading force row level security");
            st.execute("create policy reading_tenant_isolation on telemetry.reading"
                    + " using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)");
            st.execute("grant usage on schema telemetry to " + app);
            st.execute("grant select on telemetry.reading to " + app);
        }
        // inserted out of order; the other tenant has a device of the same id
        insert(
                TENANT,
                "meter-1",
                "2026-11-21T10:00:00Z",
                "{\"kwh\": 1234.5, \"total\": 12345678901234567890.123456789}");
        insert(TENANT, "meter-1", "2026-11-21T08:00:00Z", "{\"kwh\": 1200.25}");
        insert(TENANT, "meter-1", "2026-11-21T09:00:00.123456Z", "{\"kwh\": 1217.0}");
        insert(TENANT, "meter-1", "2026-11-22T00:00:00Z", "{\"kwh\": 1300}");
        insert(TENANT, "meter-2", "2026-11-21T09:30:00Z", "{\"kwh\": 1}");
        insert(OTHER, "meter-1", "2026-11-21T09:15:00Z", "{\"kwh\": 999}");
        prepared = true;
    }

    @Test
    void answersTheCallersReadingsOfTheDeviceInOrderWithExactNumbers() throws Exception {
        HttpResponse<String> response =
                get(TENANT, "deviceId=meter-1&from=2026-11-21T00:00:00Z&to=2026-11-22T00:00:00Z", "HQ_ADMIN");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("points")).hasSize(3);
        assertThat(body.path("points").valueStream().map(p -> p.path("ts").asString()))
                .containsExactly("2026-11-21T08:00:00Z", "2026-11-21T09:00:00.123456Z", "2026-11-21T10:00:00Z");
        JsonNode last = body.path("points").get(2).path("metrics");
        assertThat(last.path("kwh").decimalValue()).isEqualByComparingTo(new BigDecimal("1234.5"));
        assertThat(last.path("total").decimalValue()).isEqualTo(new BigDecimal("12345678901234567890.123456789"));
        assertThat(response.body()).contains("12345678901234567890.123456789");
        assertThat(body.path("truncated").asBoolean()).isFalse();
        assertThat(body.has("nextFrom")).isFalse();
    }

    @Test
    void anotherTenantSeesOnlyItsOwnReadings() throws Exception {
        JsonNode body = JSON.readTree(
                get(OTHER, "deviceId=meter-1&from=2026-11-21T00:00:00Z&to=2026-11-22T00:00:00Z", "HQ_ADMIN")
                        .body());

        assertThat(body.path("points")).hasSize(1);
        assertThat(body.path("points").get(0).path("metrics").path("kwh").asInt())
                .isEqualTo(999);
        JsonNode nobody = JSON.readTree(
                get(UUID.randomUUID(), "deviceId=meter-1&from=2026-11-21T00:00:00Z&to=2026-11-22T00:00:00Z", "HQ_ADMIN")
                        .body());
        assertThat(nobody.path("points")).isEmpty();
    }

    @Test
    void fromIsInclusiveAndToExclusive() throws Exception {
        JsonNode body = JSON.readTree(
                get(TENANT, "deviceId=meter-1&from=2026-11-21T10:00:00Z&to=2026-11-22T00:00:00Z", "HQ_ADMIN")
                        .body());

        assertThat(body.path("points").valueStream().map(p -> p.path("ts").asString()))
                .containsExactly("2026-11-21T10:00:00Z");
    }

    @Test
    void acceptsOffsets() throws Exception {
        JsonNode body = JSON.readTree(get(
                        TENANT,
                        "deviceId=meter-1&from=2026-11-21T17:00:00%2B08:00&to=2026-11-21T18:00:00%2B08:00",
                        "HQ_ADMIN")
                .body());

        assertThat(body.path("points").valueStream().map(p -> p.path("ts").asString()))
                .containsExactly("2026-11-21T09:00:00.123456Z");
    }

    @Test
    void aLimitedAnswerSaysWhereTheRestStarts() throws Exception {
        String range = "deviceId=meter-1&from=2026-11-21T00:00:00Z&to=2026-11-23T00:00:00Z";
        JsonNode first =
                JSON.readTree(get(TENANT, range + "&limit=2", "HQ_ADMIN").body());

        assertThat(first.path("points")).hasSize(2);
        assertThat(first.path("truncated").asBoolean()).isTrue();
        assertThat(first.path("nextFrom").asString()).isEqualTo("2026-11-21T10:00:00Z");

        JsonNode rest = JSON.readTree(get(
                        TENANT,
                        "deviceId=meter-1&from=" + first.path("nextFrom").asString()
                                + "&to=2026-11-23T00:00:00Z&limit=2",
                        "HQ_ADMIN")
                .body());
        assertThat(rest.path("points").valueStream().map(p -> p.path("ts").asString()))
                .containsExactly("2026-11-21T10:00:00Z", "2026-11-22T00:00:00Z");
        assertThat(rest.path("truncated").asBoolean()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "from=2026-11-21T00:00:00Z&to=2026-11-22T00:00:00Z                          | deviceId",
                "deviceId=bad%20id&from=2026-11-21T00:00:00Z&to=2026-11-22T00:00:00Z        | deviceId",
                "deviceId=meter-1&to=2026-11-22T00:00:00Z                                   | from",
                "deviceId=meter-1&from=2026-11-21&to=2026-11-22T00:00:00Z                   | from",
                "deviceId=meter-1&from=2026-11-21T00:00:00Z                                 | to",
                "deviceId=meter-1&from=2026-11-21T00:00:00Z&to=yesterday                    | to",
                "deviceId=meter-1&from=2026-11-22T00:00:00Z&to=2026-11-21T00:00:00Z         | to",
                "deviceId=meter-1&from=2026-11-21T00:00:00Z&to=2026-11-21T00:00:00Z         | to",
                "deviceId=meter-1&from=2026-10-01T00:00:00Z&to=2026-11-01T00:00:01Z         | to",
                "deviceId=meter-1&from=2026-11-21T00:00:00Z&to=2026-11-22T00:00:00Z&limit=0 | limit",
                "deviceId=meter-1&from=2026-11-21T00:00:00Z&to=2026-11-22T00:00:00Z&limit=x | limit",
            })
    void badParametersAreAValidationProblemNamingTheField(String query, String field) throws Exception {
        HttpResponse<String> response = get(TENANT, query.strip(), "HQ_ADMIN");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("code").asString()).isEqualTo("validation-failed");
        assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo(field);
    }

    @Test
    void aThirtyOneDayRangeIsAllowed() throws Exception {
        assertThat(get(TENANT, "deviceId=meter-1&from=2026-10-01T00:00:00Z&to=2026-11-01T00:00:00Z", "HQ_ADMIN")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void projectScopedStaffGetNotFoundForEveryDeviceUntilDevicesCarryAProject() throws Exception {
        String range = "&from=2026-11-21T00:00:00Z&to=2026-11-22T00:00:00Z";
        String manager = TestJwks.get()
                .token()
                .tenant(TENANT, "demo")
                .roles("PROJECT_MANAGER")
                .projects(UUID.randomUUID())
                .sign();

        HttpResponse<String> existing = send("deviceId=meter-1" + range, manager);
        HttpResponse<String> unknown = send("deviceId=no-such-meter" + range, manager);

        assertThat(existing.statusCode()).as(existing.body()).isEqualTo(404);
        assertThat(existing.body()).doesNotContain("kwh");
        assertThat(existing.body().replace("meter-1", "X"))
                .isEqualTo(unknown.body().replace("no-such-meter", "X"));
    }

    @Test
    void isForStaffOnly() throws Exception {
        String query = "deviceId=meter-1&from=2026-11-21T00:00:00Z&to=2026-11-22T00:00:00Z";
        String ownerToken = TestJwks.get()
                .token()
                .tenant(TENANT, "demo")
                .kind("owner")
                .roles("OWNER")
                .sign();
        assertThat(send(query, ownerToken).statusCode()).isEqualTo(403);
        String ownerWithStaffRole = TestJwks.get()
                .token()
                .tenant(TENANT, "demo")
                .kind("owner")
                .roles("HQ_ADMIN")
                .sign();
        assertThat(send(query, ownerWithStaffRole).statusCode()).isEqualTo(403);
        assertThat(HTTP.send(HttpRequest.newBuilder(uri(query)).build(), HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(401);
    }

    private HttpResponse<String> get(UUID tenant, String query, String role) throws Exception {
        return send(query, TestJwks.get().staffToken(tenant, "demo", role));
    }

    private HttpResponse<String> send(String query, String token) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(uri(query))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String query) {
        return URI.create("http://localhost:" + port + "/api/v1/reports/telemetry?" + query);
    }

    private static void insert(UUID tenant, String device, String ts, String metrics) throws SQLException {
        try (Connection db = admin();
                PreparedStatement ps =
                        db.prepareStatement("insert into telemetry.reading (tenant_id, device_id, ts, metrics)"
                                + " values (?, ?, ?::timestamptz, ?::jsonb)")) {
            ps.setObject(1, tenant);
            ps.setString(2, device);
            ps.setString(3, ts);
            ps.setString(4, metrics);
            ps.executeUpdate();
        }
    }

    /** The run's reporting store as the administrator (the test servers' superuser). */
    private static Connection admin() throws SQLException {
        TestInfrastructure infra = TestInfrastructure.get();
        String url = infra.postgresAdminUrl().replaceFirst("/postgres$", "/" + infra.runId() + "_reporting");
        return DriverManager.getConnection(
                url, infra.postgres().username(), infra.postgres().password());
    }
}
