package com.propcloud.pms.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The first arrow of the design card, with real processes: a ticket opened through the gateway is
 * stored by workorder-service, its event crosses RabbitMQ through the outbox, and reporting-service
 * counts it in the tenant's daily report. Also when the broker is unreachable for a while.
 */
class WorkOrderToReportIT {

    private static final ZoneId TENANT_ZONE = ZoneId.of("Asia/Shanghai");
    private static Platform platform;
    private static PlatformClient admin;

    @BeforeAll
    static void start() throws Exception {
        platform = Platform.get();
        admin = PlatformClient.demoAdmin(platform);
    }

    @Test
    void ticketOpenedThroughGatewayIsStoredListedAndCounted() throws Exception {
        long before = createdToday();

        JsonNode ticket = submit("Water leaking under the kitchen sink");
        String id = ticket.path("id").asString();

        assertThat(admin.getJson("/api/v1/work-orders/" + id)
                        .path("description")
                        .asString())
                .isEqualTo("Water leaking under the kitchen sink");
        assertThat(admin.getJson("/api/v1/work-orders?page=0&size=200")
                        .path("content")
                        .findValuesAsString("id"))
                .contains(id);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(createdToday()).isEqualTo(before + 1));
    }

    @Test
    void ticketsAcceptedDuringBrokerOutageAreCountedExactlyOnceAfterIt() throws Exception {
        long before = createdToday();
        List<String> ids = new ArrayList<>();
        platform.brokerLink().cut();
        try {
            for (int i = 0; i < 5; i++) {
                ids.add(submit("Opened while the broker is unreachable #" + i)
                        .path("id")
                        .asString());
            }
            assertThat(ids).doesNotHaveDuplicates().hasSize(5);
        } finally {
            platform.brokerLink().restore();
        }

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(createdToday()).isEqualTo(before + 5));
        // nothing arrives twice once the backlog has drained
        Thread.sleep(3000);
        assertThat(createdToday()).isEqualTo(before + 5);
    }

    private static JsonNode submit(String description) throws Exception {
        HttpResponse<String> response =
                admin.post("/api/v1/work-orders", "{\"kind\":\"REPAIR\",\"description\":\"" + description + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return PlatformClient.JSON.readTree(response.body());
    }

    private static long createdToday() throws Exception {
        String today = LocalDate.now(TENANT_ZONE).toString();
        JsonNode report = admin.getJson("/api/v1/reports/work-orders/daily?from=" + today + "&to=" + today);
        return report.path("days").get(0).path("created").asLong();
    }
}
