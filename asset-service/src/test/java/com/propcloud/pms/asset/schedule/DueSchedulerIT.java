package com.propcloud.pms.asset.schedule;

import static com.propcloud.pms.asset.AssetApi.body;
import static com.propcloud.pms.asset.AssetApi.hq;
import static com.propcloud.pms.asset.AssetApi.id;
import static org.assertj.core.api.Assertions.assertThat;

import com.propcloud.pms.asset.AssetApi;
import com.propcloud.pms.test.EventTap;
import com.propcloud.pms.test.UsesPmsInfrastructure;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The due scheduler against the real database, Redis and broker: a plan or route within its lead time
 * is announced once per occurrence, however many sweeps run at once, with or without the Redis lock,
 * and then waits for its next occurrence.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "asset.schedule.enabled=false")
@UsesPmsInfrastructure
class DueSchedulerIT {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static EventTap events;

    private final UUID tenant = UUID.randomUUID();

    @LocalServerPort
    int port;

    @Autowired
    DueScheduler scheduler;

    @Autowired
    JdbcTemplate jdbc;

    AssetApi api;
    String project;
    LocalDate tomorrow;

    @BeforeAll
    static void listen() {
        events = EventTap.bind("asset.maintenance.due", "asset.patrol.due");
    }

    @AfterAll
    static void close() {
        events.close();
    }

    @BeforeEach
    void aProject() throws Exception {
        api = new AssetApi(port);
        project = api.project(hq(tenant));
        tomorrow = LocalDate.now(SHANGHAI).plusDays(1);
    }

    /** Every ten days from {@code startsOn}, announced {@code lead} ahead. */
    String plan(LocalDate startsOn, String lead) throws Exception {
        return id(api.created("/api/v1/maintenance-plans", hq(tenant), """
                {"projectId":"%s","category":"WATER_PUMP","name":"Pumps","skill":"PLUMBING",
                 "cycle":{"kind":"EVERY_N_DAYS","intervalDays":10,"startsOn":"%s"},
                 "checklist":["Check seals","Measure pressure"],"leadTime":"%s"}""".formatted(project, startsOn, lead)));
    }

    String route(LocalDate startsOn) throws Exception {
        return id(api.created("/api/v1/patrol-routes", hq(tenant), """
                {"projectId":"%s","name":"Night round %s","role":"SECURITY",
                 "cycle":{"kind":"EVERY_N_DAYS","intervalDays":10,"startsOn":"%s"},"leadTime":"P2D",
                 "checkpoints":[{"code":"%s","location":"Gate 1"},{"location":"B1 pump room"}]}""".formatted(
                        project, UUID.randomUUID(), startsOn, AssetApi.unique("NFC-"))));
    }

    @Test
    void concurrentAndRepeatedSweepsAnnounceEachOccurrenceOnce() throws Exception {
        String plan = plan(tomorrow, "P2D");
        String route = route(tomorrow);

        both(scheduler::sweep);
        scheduler.sweep();

        assertThat(announced("asset.maintenance.due", plan)).isEqualTo(1);
        assertThat(announced("asset.patrol.due", route)).isEqualTo(1);
        JsonNode due = golden("asset.maintenance.due", plan);
        assertThat(due.path("payload").path("dueDate").asString()).isEqualTo(tomorrow.toString());
        assertThat(due.path("payload").path("checklist").size()).isEqualTo(2);
        JsonNode round = golden("asset.patrol.due", route);
        assertThat(round.path("payload")
                        .path("checkpoints")
                        .get(1)
                        .path("position")
                        .asInt())
                .isEqualTo(2);
    }

    @Test
    void theNextDueTimeMovesToTheNextOccurrence() throws Exception {
        String plan = plan(tomorrow, "P2D");

        scheduler.sweepTenant(tenant);

        Instant next = Instant.parse(body(api.get("/api/v1/maintenance-plans/" + plan, hq(tenant)), 200)
                .path("nextDueAt")
                .asString());
        assertThat(next).isEqualTo(tomorrow.plusDays(10).atStartOfDay(SHANGHAI).toInstant());
    }

    @Test
    void theOccurrenceKeyKeepsItOnceEvenWithoutTheLock() throws Exception {
        String plan = plan(tomorrow, "P2D");

        // straight to the tenant sweep, past the Redis lock: two instances whose lock failed
        both(() -> scheduler.sweepTenant(tenant));

        assertThat(announced("asset.maintenance.due", plan)).isEqualTo(1);
    }

    @Test
    void aPlanOutsideItsLeadTimeWaits() throws Exception {
        String plan = plan(tomorrow.plusDays(5), "P1D");

        scheduler.sweepTenant(tenant);

        assertThat(announced("asset.maintenance.due", plan)).isZero();
    }

    /** Runs the work on two threads released at the same moment, and waits for both. */
    private static void both(Callable<?> work) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Object>> runs = List.of(
                    threads.submit(() -> {
                        start.await();
                        return work.call();
                    }),
                    threads.submit(() -> {
                        start.await();
                        return work.call();
                    }));
            start.countDown();
            for (Future<Object> run : runs) {
                run.get();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** Events of this type about this plan or route in the outbox: what was (or will be) published. */
    private int announced(String type, String aggregateId) {
        return jdbc.queryForObject(
                "select count(*) from outbox_event where type = ? and aggregate_id = ?",
                Integer.class,
                type,
                UUID.fromString(aggregateId));
    }

    private static JsonNode golden(String type, String aggregateId) {
        JsonNode envelope = events.await(EventTap.event(type, aggregateId));
        EventTap.assertSameShape(envelope, EventTap.golden(type + ".v1.json"));
        return envelope;
    }
}
