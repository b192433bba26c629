package com.propcloud.pms.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.propcloud.pms.test.TestInfrastructure;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The second arrow of the design card, with real processes: a device publishes over MQTT, iot-service
 * resolves the tenant code through its directory of user-service's tenants, stores the reading in
 * the reporting store, and reporting-service serves it through the gateway. Bad messages are
 * quarantined with their reason and never hold up good ones.
 */
class TelemetryToReportIT {

    private static final String DAY = "from=2026-11-21T00:00:00Z&to=2026-11-22T00:00:00Z";
    private static Platform platform;
    private static PlatformClient admin;
    private static Mqtt5BlockingClient device;

    @BeforeAll
    static void start() throws Exception {
        platform = Platform.get();
        admin = PlatformClient.demoAdmin(platform);
        TestInfrastructure infra = TestInfrastructure.get();
        device = Mqtt5Client.builder()
                .identifier("e2e-device-" + UUID.randomUUID())
                .serverHost(infra.mqtt().host())
                .serverPort(infra.mqtt().port())
                .buildBlocking();
        device.connect();
    }

    @AfterAll
    static void disconnect() {
        device.disconnect();
    }

    @Test
    void readingPublishedByDeviceIsServedThroughGateway() throws Exception {
        String deviceId = "meter-" + UUID.randomUUID().toString().substring(0, 8);
        publish("demo", deviceId, "{\"ts\":\"2026-11-21T10:00:00Z\",\"metrics\":{\"kwh\":1234.5}}");

        JsonNode points = awaitPoints(deviceId, 1);
        assertThat(points.get(0).path("ts").asString()).startsWith("2026-11-21T10:00");
        assertThat(points.get(0).path("metrics").path("kwh").toString()).isEqualTo("1234.5");
    }

    @Test
    void malformedMessageIsQuarantinedAndNextGoodOneStillArrives() throws Exception {
        String deviceId = "meter-" + UUID.randomUUID().toString().substring(0, 8);
        publish("demo", deviceId, "{\"ts\":\"2026-11-21T11:00:00Z\",\"metrics\":");
        publish("demo", deviceId, "{\"ts\":\"2026-11-21T11:05:00Z\",\"metrics\":{\"kwh\":1235.0}}");

        assertThat(awaitPoints(deviceId, 1).get(0).path("metrics").path("kwh").toString())
                .isEqualTo("1235.0");
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(quarantineReasons(deviceId)).containsExactly("malformed-json"));
    }

    @Test
    void unknownTenantCodeIsQuarantined() throws Exception {
        String deviceId = "meter-" + UUID.randomUUID().toString().substring(0, 8);
        publish("no-such-tenant", deviceId, "{\"ts\":\"2026-11-21T12:00:00Z\",\"metrics\":{\"kwh\":1.0}}");

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(quarantineReasons(deviceId)).containsExactly("unknown-tenant"));
    }

    private static void publish(String tenantCode, String deviceId, String json) {
        String topic = TestInfrastructure.get().mqttTopicRoot() + "/" + tenantCode + "/" + deviceId + "/telemetry";
        device.publishWith()
                .topic(topic)
                .qos(MqttQos.AT_LEAST_ONCE)
                .payload(json.getBytes(StandardCharsets.UTF_8))
                .send();
    }

    private static JsonNode awaitPoints(String deviceId, int count) {
        List<JsonNode> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    JsonNode report = admin.getJson("/api/v1/reports/telemetry?deviceId=" + deviceId + "&" + DAY);
                    assertThat(report.path("points")).hasSize(count);
                    found.clear();
                    found.add(report.path("points"));
                });
        return found.get(0);
    }

    /** Quarantine is an operator's table: read it as the database admin, as an operator would. */
    private static List<String> quarantineReasons(String deviceId) throws Exception {
        TestInfrastructure infra = TestInfrastructure.get();
        String url = infra.postgresAdminUrl().replace("/postgres", "/" + infra.runId() + "_reporting");
        List<String> reasons = new ArrayList<>();
        try (var connection = DriverManager.getConnection(
                        url, infra.postgres().username(), infra.postgres().password());
                var statement = connection.prepareStatement(
                        "select reason from telemetry.quarantine where topic like ? order by received_at")) {
            statement.setString(1, "%/" + deviceId + "/%");
            try (var rs = statement.executeQuery()) {
                while (rs.next()) {
                    reasons.add(rs.getString(1));
                }
            }
        }
        return reasons;
    }
}
