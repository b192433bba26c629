package com.propcloud.pms.iot.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.propcloud.pms.iot.mqtt.MqttConnection;
import com.propcloud.pms.test.TestInfrastructure;
import com.propcloud.pms.test.UsesPmsInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Devices publish to the real broker; readings land in the real reporting store. Assertions read the
 * store as the administrator, which row-level security does not bind.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesPmsInfrastructure
class TelemetryIngestIT {

    static final UUID DEMO = UUID.fromString("8f1e2a4c-0000-4000-8000-00000000d3e0");
    private static Mqtt5AsyncClient device;

    @Autowired
    MqttConnection connection;

    @Autowired
    ReadingPartitions partitions;

    @Autowired
    TelemetryIngest ingest;

    @Autowired
    MeterRegistry meters;

    @BeforeAll
    static void connectDevice() throws Exception {
        TestInfrastructure infra = TestInfrastructure.get();
        device = Mqtt5Client.builder()
                .identifier("it-device-" + UUID.randomUUID())
                .serverHost(infra.mqtt().host())
                .serverPort(infra.mqtt().port())
                .buildAsync();
        device.connect().get(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void disconnectDevice() throws Exception {
        device.disconnect().get(5, TimeUnit.SECONDS);
    }

    @Test
    void goodMessageIsStoredWithItsNumbersExact() throws Exception {
        awaitSubscribed();
        String deviceId = "meter-" + UUID.randomUUID();
        Instant ts = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1));
        publish(
                "demo",
                deviceId,
                "{\"ts\":\"" + ts + "\",\"metrics\":{\"kwh\":1234.5,"
                        + "\"total\":12345678901234567890.123456789,\"tiny\":0.1000000000000000055511151231257827}}");

        await().atMost(Duration.ofSeconds(15)).until(() -> count("reading", deviceId) == 1);
        Map<String, String> row = single(
                "select tenant_id::text as tenant, to_char(ts at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') as ts,"
                        + " metrics->>'kwh' as kwh, metrics->>'total' as total,"
                        + " metrics->>'tiny' as tiny from telemetry.reading where device_id = ?",
                deviceId);
        assertThat(row.get("tenant")).isEqualTo(DEMO.toString());
        assertThat(row.get("kwh")).isEqualTo("1234.5");
        assertThat(row.get("total")).isEqualTo("12345678901234567890.123456789");
        assertThat(row.get("tiny")).isEqualTo("0.1000000000000000055511151231257827");
        assertThat(Instant.parse(row.get("ts"))).isEqualTo(ts);
    }

    @Test
    void malformedMessageIsQuarantinedWithItsReasonAndTheNextGoodOneStillArrives() throws Exception {
        awaitSubscribed();
        String deviceId = "meter-" + UUID.randomUUID();
        publish("demo", deviceId, "{\"ts\":\"2026-11-21T10:00:00Z\",\"metrics\":{\"kwh\":");
        publish("demo", deviceId, "{\"ts\":\"" + recent() + "\",\"metrics\":{\"kwh\":\"lots\"}}");
        publish("demo", deviceId, "{\"ts\":\"" + recent() + "\",\"metrics\":{\"kwh\":7}}");

        await().atMost(Duration.ofSeconds(15)).until(() -> count("reading", deviceId) == 1);
        await().atMost(Duration.ofSeconds(15)).until(() -> count("quarantine", deviceId) == 2);
        List<Map<String, String>> quarantined = rows(
                "select reason, detail, tenant_id::text as tenant, payload from telemetry.quarantine"
                        + " where topic like ? order by received_at, reason",
                "%/" + deviceId + "/telemetry");
        assertThat(quarantined)
                .extracting(q -> q.get("reason"))
                .containsExactlyInAnyOrder("malformed-json", "invalid-metrics");
        assertThat(quarantined).allSatisfy(q -> {
            assertThat(q.get("detail")).isNotBlank();
            assertThat(q.get("tenant")).isEqualTo(DEMO.toString());
        });
        assertThat(quarantined)
                .filteredOn(q -> q.get("reason").equals("invalid-metrics"))
                .singleElement()
                .satisfies(q -> assertThat(q.get("detail")).contains("'kwh' is a string"));
    }

    @Test
    void unknownTenantCodeIsQuarantined() throws Exception {
        awaitSubscribed();
        String deviceId = "meter-" + UUID.randomUUID();
        publish("nobody", deviceId, "{\"ts\":\"" + recent() + "\",\"metrics\":{\"kwh\":1}}");

        await().atMost(Duration.ofSeconds(15)).until(() -> count("quarantine", deviceId) == 1);
        Map<String, String> row = single(
                "select reason, tenant_id::text as tenant from telemetry.quarantine where topic like ?",
                "%/" + deviceId + "/telemetry");
        assertThat(row.get("reason")).isEqualTo("unknown-tenant");
        assertThat(row.get("tenant")).isNull();
        assertThat(count("reading", deviceId)).isZero();
    }

    @Test
    void aBurstIsWrittenInBatches() throws Exception {
        awaitSubscribed();
        double batchesBefore = meters.get("pms.telemetry.batch.size").summary().count();
        String prefix = "burst-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        Instant ts = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(30));
        List<CompletableFuture<?>> sent = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            sent.add(send(
                    "demo",
                    prefix + (i % 10),
                    "{\"ts\":\"" + ts.plusMillis(i) + "\",\"metrics\":{\"seq\":" + i + "}}"));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(30)).until(() -> countLike("reading", prefix + "%") == 1000);
        // every insert transaction stamps its rows with its own xid
        long transactions =
                scalar("select count(distinct xmin::text) from telemetry.reading where device_id like ?", prefix + "%");
        double batches = meters.get("pms.telemetry.batch.size").summary().count() - batchesBefore;
        // 1,000 messages within about a second: a handful of flushes of up to 500, not 1,000 transactions
        assertThat(transactions).isLessThanOrEqualTo(50);
        assertThat(batches).isLessThanOrEqualTo(50);
        assertThat(scalar(
                        "select sum((metrics->>'seq')::int) from telemetry.reading where device_id like ?",
                        prefix + "%"))
                .isEqualTo(999L * 1000 / 2);
    }

    @Test
    void readingsAtAMonthBoundaryLandInTheirMonthsPartition() throws Exception {
        awaitSubscribed();
        String deviceId = "meter-" + UUID.randomUUID();
        YearMonth current = YearMonth.now(ZoneOffset.UTC);
        Instant monthStart = current.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        publish("demo", deviceId, "{\"ts\":\"" + monthStart.minusNanos(1000) + "\",\"metrics\":{\"kwh\":1}}");
        publish("demo", deviceId, "{\"ts\":\"" + monthStart + "\",\"metrics\":{\"kwh\":2}}");

        await().atMost(Duration.ofSeconds(15)).until(() -> count("reading", deviceId) == 2);
        List<Map<String, String>> placed = rows(
                "select tableoid::regclass::text as part, metrics->>'kwh' as kwh from telemetry.reading"
                        + " where device_id = ? order by ts",
                deviceId);
        assertThat(placed)
                .extracting(r -> r.get("part"))
                .containsExactly(partitionOf(current.minusMonths(1)), partitionOf(current));
    }

    @Test
    void creatingAPartitionMovesWhatTheDefaultPartitionCaught() throws Exception {
        YearMonth month = YearMonth.of(2031, 5);
        String deviceId = "meter-" + UUID.randomUUID();
        execute(
                "insert into telemetry.reading (tenant_id, device_id, ts, metrics) values (?::uuid, ?,"
                        + " '2031-05-31 23:59:59.999999+00', '{\"kwh\":3}')",
                DEMO.toString(),
                deviceId);
        assertThat(single(
                                "select tableoid::regclass::text as part from telemetry.reading where device_id = ?",
                                deviceId)
                        .get("part"))
                .isEqualTo("telemetry.reading_default");

        assertThat(partitions.ensure(month, 1)).isEqualTo(1);
        assertThat(partitions.ensure(month, 1)).as("idempotent").isZero();

        assertThat(single(
                                "select tableoid::regclass::text as part from telemetry.reading where device_id = ?",
                                deviceId)
                        .get("part"))
                .isEqualTo(partitionOf(month));
        assertThat(single(
                                "select has_table_privilege(?, 'telemetry.reading_p203105', 'select')::text as granted",
                                TestInfrastructure.get().runId() + "_telemetry_app")
                        .get("granted"))
                .as("partitions are reached through the parent only")
                .isEqualTo("false");
    }

    @Test
    void aWriteTheDatabaseRefusesIsRetriedUntilItSucceeds() throws Exception {
        awaitSubscribed();
        String appRole = TestInfrastructure.get().runId() + "_telemetry_app";
        String deviceId = "meter-" + UUID.randomUUID();
        execute("revoke insert on telemetry.reading from " + appRole);
        try {
            publish("demo", deviceId, "{\"ts\":\"" + recent() + "\",\"metrics\":{\"kwh\":5}}");
            Thread.sleep(1500);
            assertThat(count("reading", deviceId)).isZero();
            assertThat(count("quarantine", deviceId)).isZero();
        } finally {
            execute("grant insert on telemetry.reading to " + appRole);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> count("reading", deviceId) == 1);
        assertThat(count("quarantine", deviceId)).isZero();
    }

    @Test
    void aRowTheDatabaseRefusesIsQuarantinedAndTheRestOfItsBatchIsStored() throws Exception {
        awaitSubscribed();
        String prefix = "mixed-" + UUID.randomUUID().toString().substring(0, 8);
        String poison = prefix + "-poison";
        execute("alter table telemetry.reading add constraint it_refuses check (device_id <> '" + poison + "')");
        try {
            List<CompletableFuture<?>> sent = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                sent.add(send(
                        "demo", prefix + "-" + i, "{\"ts\":\"" + recent() + "\",\"metrics\":{\"kwh\":" + i + "}}"));
            }
            sent.add(send("demo", poison, "{\"ts\":\"" + recent() + "\",\"metrics\":{\"kwh\":9}}"));
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);

            await().atMost(Duration.ofSeconds(15)).until(() -> count("quarantine", poison) == 1);
            assertThat(countLike("reading", prefix + "-%")).isEqualTo(5);
            assertThat(single(
                            "select reason, detail from telemetry.quarantine where topic like ?",
                            "%/" + poison + "/telemetry"))
                    .containsEntry("reason", "store-rejected")
                    .hasEntrySatisfying("detail", detail -> assertThat(detail).contains("it_refuses"));
        } finally {
            execute("alter table telemetry.reading drop constraint it_refuses");
        }
    }

    @Test
    void afterTheBrokerDropsTheConnectionTheSubscriptionComesBack() throws Exception {
        awaitSubscribed();
        String identifier = connection
                .client()
                .getConfig()
                .getClientIdentifier()
                .orElseThrow()
                .toString();
        // a second client with the same identifier takes the session over: the broker disconnects ours
        Mqtt5AsyncClient usurper = Mqtt5Client.builder()
                .identifier(identifier)
                .serverHost(TestInfrastructure.get().mqtt().host())
                .serverPort(TestInfrastructure.get().mqtt().port())
                .buildAsync();
        usurper.connect().get(10, TimeUnit.SECONDS);
        usurper.disconnect().get(5, TimeUnit.SECONDS);

        String deviceId = "meter-" + UUID.randomUUID();
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    publish("demo", deviceId, "{\"ts\":\"" + recent() + "\",\"metrics\":{\"kwh\":1}}");
                    return count("reading", deviceId) > 0;
                });
    }

    private void awaitSubscribed() {
        await().atMost(Duration.ofSeconds(20)).until(() -> connection.isConnected() && ingest.isSubscribed());
    }

    private static String recent() {
        return Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MILLIS).toString();
    }

    private static String partitionOf(YearMonth month) {
        return String.format("telemetry.reading_p%04d%02d", month.getYear(), month.getMonthValue());
    }

    private static void publish(String tenantCode, String deviceId, String payload) throws Exception {
        send(tenantCode, deviceId, payload).get(10, TimeUnit.SECONDS);
    }

    private static CompletableFuture<?> send(String tenantCode, String deviceId, String payload) {
        return device.publishWith()
                .topic(TestInfrastructure.get().mqttTopicRoot() + "/" + tenantCode + "/" + deviceId + "/telemetry")
                .qos(MqttQos.AT_LEAST_ONCE)
                .payload(payload.getBytes(StandardCharsets.UTF_8))
                .send();
    }

    private static long count(String table, String deviceId) throws SQLException {
        return table.equals("reading")
                ? scalar("select count(*) from telemetry.reading where device_id = ?", deviceId)
                : scalar(
                        "select count(*) from telemetry.quarantine where topic like ?", "%/" + deviceId + "/telemetry");
    }

    private static long countLike(String table, String pattern) throws SQLException {
        return scalar("select count(*) from telemetry." + table + " where device_id like ?", pattern);
    }

    private static long scalar(String sql, String parameter) throws SQLException {
        try (Connection db = admin();
                PreparedStatement ps = db.prepareStatement(sql)) {
            ps.setString(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static Map<String, String> single(String sql, String... parameters) throws SQLException {
        List<Map<String, String>> rows = rows(sql, parameters);
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    private static List<Map<String, String>> rows(String sql, String... parameters) throws SQLException {
        try (Connection db = admin();
                PreparedStatement ps = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setString(i + 1, parameters[i]);
            }
            List<Map<String, String>> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, String> row = new HashMap<>();
                    for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                        row.put(rs.getMetaData().getColumnLabel(c), rs.getString(c));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    private static void execute(String sql, String... parameters) throws SQLException {
        try (Connection db = admin()) {
            if (parameters.length == 0) {
                try (Statement st = db.createStatement()) {
                    st.execute(sql);
                }
                return;
            }
            try (PreparedStatement ps = db.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    ps.setString(i + 1, parameters[i]);
                }
                ps.execute();
            }
        }
    }

    /** The run's reporting store as the administrator (the test servers' superuser). */
    private static Connection admin() throws SQLException {
        TestInfrastructure infra = TestInfrastructure.get();
        String url = infra.postgresAdminUrl().replaceFirst("/postgres$", "/" + infra.runId() + "_reporting");
        Connection db = DriverManager.getConnection(
                url, infra.postgres().username(), infra.postgres().password());
        try (Statement st = db.createStatement()) {
            st.execute("set timezone = 'UTC'");
        }
        return db;
    }
}
