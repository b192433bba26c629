package com.propcloud.pms.asset.occupancy;

import static com.propcloud.pms.asset.registry.RegistryApi.body;
import static com.propcloud.pms.asset.registry.RegistryApi.hq;
import static com.propcloud.pms.asset.registry.RegistryApi.id;
import static com.propcloud.pms.asset.registry.RegistryApi.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.propcloud.pms.asset.registry.RegistryApi;
import com.propcloud.pms.common.tenant.TenantContext;
import com.propcloud.pms.test.EventTap;
import com.propcloud.pms.test.UsesPmsInfrastructure;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A unit's status follows its stays: an owner's household makes it OCCUPIED, tenants (without family) RENTED,
 * nobody VACANT, while a unit under approved works stays RENOVATING; through the API and in one refresh
 * over a thousand units, each change announced and the tree up to date.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesPmsInfrastructure
class UnitStatusFollowerIT {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static EventTap events;

    private final UUID tenant = UUID.randomUUID();

    @LocalServerPort
    int port;

    @Autowired
    UnitStatusFollower follower;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    RegistryApi api;
    String project;
    String building;
    String unit;
    String occupants;

    @BeforeAll
    static void listen() {
        events = EventTap.bind("asset.unit.updated");
    }

    @AfterAll
    static void close() {
        events.close();
    }

    @BeforeEach
    void aVacantUnit() throws Exception {
        api = new RegistryApi(port);
        project = api.project(hq(tenant), unique("S-"));
        building = api.building(hq(tenant), project, "1", 50, 0);
        unit = api.unit(hq(tenant), building, "101", 1, "VACANT");
        occupants = "/api/v1/units/" + unit + "/occupants";
    }

    @Test
    void anOwnerMovingInMakesTheUnitOccupiedAnnouncedAndInTheTree() throws Exception {
        assertThat(counts().path("VACANT").asInt()).isEqualTo(1);

        link(person("张伟"), "OWNER");

        assertThat(status()).isEqualTo("OCCUPIED");
        JsonNode event = events.await(updated(unit, "OCCUPIED"));
        EventTap.assertSameShape(event, EventTap.golden("asset.unit.updated.v1.json"));
        assertThat(event.path("tenantId").asString()).isEqualTo(tenant.toString());
        assertThat(event.path("projectId").asString()).isEqualTo(project);
        assertThat(event.path("payload").path("number").asString()).isEqualTo("101");
        JsonNode counts = counts();
        assertThat(counts.path("OCCUPIED").asInt()).isEqualTo(1);
        assertThat(counts.path("VACANT").asInt()).isZero();
    }

    @Test
    void aFamilyMemberAloneCountsAsTheOwnersHousehold() throws Exception {
        link(person("王芳"), "FAMILY");

        assertThat(status()).isEqualTo("OCCUPIED");
    }

    @Test
    void tenantsAloneMakeItRented() throws Exception {
        link(person("孙丽"), "TENANT");
        link(person("周杰"), "TENANT");

        assertThat(status()).isEqualTo("RENTED");
        events.await(updated(unit, "RENTED"));
    }

    @Test
    void anOwnerWhoLetsTheHomeKeepsTheirStayAndTheUnitIsRentedUnlessFamilyLivesThere() throws Exception {
        link(person("张伟"), "OWNER");
        assertThat(status()).isEqualTo("OCCUPIED");
        String lodger = id(link(person("孙丽"), "TENANT"));
        assertThat(status()).isEqualTo("RENTED");
        link(person("王芳"), "FAMILY");
        assertThat(status()).isEqualTo("OCCUPIED");
        end(lodger);
        assertThat(status()).isEqualTo("OCCUPIED");
    }

    @Test
    void theLastToMoveOutLeavesItVacant() throws Exception {
        String owner = id(link(person("张伟"), "OWNER"));
        String lodger = id(link(person("孙丽"), "TENANT"));
        assertThat(status()).isEqualTo("RENTED");

        end(lodger);
        assertThat(status()).isEqualTo("OCCUPIED");
        end(owner);

        assertThat(status()).isEqualTo("VACANT");
        events.await(updated(unit, "VACANT"));
        assertThat(counts().path("VACANT").asInt()).isEqualTo(1);
    }

    @Test
    void aStatusSetByHandStandsUntilTheStaysChange() throws Exception {
        link(person("张伟"), "OWNER");
        // the owner holds the home but does not live in it
        body(api.patch("/api/v1/units/" + unit, hq(tenant), "{\"status\":\"VACANT\"}"), 200);
        assertThat(status()).isEqualTo("VACANT");

        link(person("王芳"), "FAMILY");

        assertThat(status()).isEqualTo("OCCUPIED");
    }

    @Test
    void aRetriedMoveOutChangesNothing() throws Exception {
        String stay = id(link(person("孙丽"), "TENANT"));
        end(stay);
        int announced = announced(unit);

        end(stay);

        assertThat(announced(unit)).isEqualTo(announced);
        assertThat(status()).isEqualTo("VACANT");
    }

    @Nested
    class Renovating {

        UUID owner;
        LocalDate today;

        @BeforeEach
        void anOwnerUnderWorks() throws Exception {
            owner = person("张伟");
            link(owner, "OWNER");
            today = LocalDate.now(SHANGHAI);
        }

        @Test
        void aUnitStaysRenovatingWhileAnApprovedFilingCoversToday() throws Exception {
            String filing = approvedFiling(today.minusDays(3), today.plusDays(30));
            renovatingByHand();

            String lodger = id(link(person("孙丽"), "TENANT"));
            end(lodger);
            assertThat(status()).isEqualTo("RENOVATING");

            body(api.post("/api/v1/renovations/" + filing + "/complete", hq(tenant), ""), 200);
            link(person("王芳"), "FAMILY");

            assertThat(status()).isEqualTo("OCCUPIED");
        }

        @Test
        void anApprovedFilingForLaterDoesNotHoldIt() throws Exception {
            approvedFiling(today.plusDays(10), today.plusDays(40));
            renovatingByHand();

            link(person("孙丽"), "TENANT");

            // the owner holds it and lets it: rented, the hand-set RENOVATING not held by a later filing
            assertThat(status()).isEqualTo("RENTED");
        }

        @Test
        void anApprovedFilingNeverStartsTheWorksByItself() throws Exception {
            approvedFiling(today.minusDays(3), today.plusDays(30));

            link(person("孙丽"), "TENANT");

            assertThat(status()).isEqualTo("RENTED");
        }

        private String approvedFiling(LocalDate startsOn, LocalDate endsOn) throws Exception {
            String filing =
                    id(api.created("/api/v1/renovations", hq(tenant), """
                    {"unitId":"%s","applicantId":"%s","contractorName":"安居装饰","startsOn":"%s","endsOn":"%s",
                     "deposit":{"amount":"2000.00","currency":"CNY"}}""".formatted(unit, owner, startsOn, endsOn)));
            body(api.post("/api/v1/renovations/" + filing + "/approve", hq(tenant), ""), 200);
            return filing;
        }

        private void renovatingByHand() throws Exception {
            body(api.patch("/api/v1/units/" + unit, hq(tenant), "{\"status\":\"RENOVATING\"}"), 200);
        }
    }

    /** What the owners import does: stays written in bulk, then one refresh for all their units. */
    @Nested
    class Batch {

        @Test
        void oneRefreshSetsAThousandUnitsAndAnnouncesOnlyThoseThatChanged() throws Exception {
            UUID projectId = UUID.fromString(project);
            String tower = api.building(hq(tenant), project, "T", 50, 0);
            List<UUID> units = new ArrayList<>();
            List<Object[]> unitRows = new ArrayList<>();
            List<Object[]> people = new ArrayList<>();
            List<Object[]> stays = new ArrayList<>();
            Timestamp now = Timestamp.from(Instant.now());
            for (int i = 0; i < 1000; i++) {
                UUID id = UUID.randomUUID();
                units.add(id);
                // all recorded OCCUPIED: owners' homes stay so, the others change
                unitRows.add(new Object[] {
                    id, tenant, projectId, UUID.fromString(tower), "T-" + i, i / 20 + 1, "OCCUPIED", now, now
                });
                if (i % 3 < 2) {
                    UUID person = UUID.randomUUID();
                    people.add(new Object[] {person, tenant, "P" + i, now, now});
                    stays.add(new Object[] {
                        UUID.randomUUID(), tenant, projectId, id, person, i % 3 == 0 ? "OWNER" : "TENANT", now, now
                    });
                }
            }
            inTenant(() -> {
                jdbc.batchUpdate(
                        "insert into unit (id, version, tenant_id, project_id, building_id, number, floor, type,"
                                + " gross_area, status, created_at, updated_at)"
                                + " values (?, 0, ?, ?, ?, ?, ?, 'APARTMENT', 89.50, ?, ?, ?)",
                        unitRows);
                jdbc.batchUpdate(
                        "insert into person (id, tenant_id, display_name, category, status, source_updated_at,"
                                + " received_at) values (?, ?, ?, 'OWNER', 'ACTIVE', ?, ?)",
                        people);
                jdbc.batchUpdate(
                        "insert into occupancy (id, version, tenant_id, project_id, unit_id, person_id, role,"
                                + " primary_payer, move_in, created_at, updated_at)"
                                + " values (?, 0, ?, ?, ?, ?, ?, false, date '2024-01-01', ?, ?)",
                        stays);
            });
            assertThat(counts().path("OCCUPIED").asInt()).isEqualTo(1000);

            inTenant(() -> follower.refresh(projectId, units));

            Map<String, Long> byStatus = fromTenant(() -> jdbc
                    .queryForList("select status from unit where building_id = ?", String.class, UUID.fromString(tower))
                    .stream()
                    .collect(Collectors.groupingBy(s -> s, Collectors.counting())));
            assertThat(byStatus)
                    .containsExactlyInAnyOrderEntriesOf(Map.of("OCCUPIED", 334L, "RENTED", 333L, "VACANT", 333L));
            assertThat(fromTenant(() -> jdbc.queryForObject(
                            "select count(*) from outbox_event where type = 'asset.unit.updated'"
                                    + " and aggregate_id in (select id from unit where building_id = ?)",
                            Integer.class,
                            UUID.fromString(tower))))
                    .isEqualTo(666);
            JsonNode counts = counts();
            assertThat(counts.path("OCCUPIED").asInt()).isEqualTo(334);
            assertThat(counts.path("RENTED").asInt()).isEqualTo(333);
            assertThat(counts.path("VACANT").asInt()).isEqualTo(334); // and the first unit
        }

        @Test
        void unitsOfAnotherProjectOrTenantAreLeftAlone() throws Exception {
            UUID unitId = UUID.fromString(unit);
            stay(unitId, person("孙丽"), "TENANT");
            String other = api.project(hq(tenant), unique("S-"));

            inTenant(() -> follower.refresh(UUID.fromString(other), List.of(unitId)));
            TenantContext.runAs(
                    UUID.randomUUID(),
                    () -> transactions.executeWithoutResult(
                            tx -> follower.refresh(UUID.fromString(project), List.of(unitId))));
            assertThat(status()).isEqualTo("VACANT");

            inTenant(() -> follower.refresh(UUID.fromString(project), List.of(unitId)));
            assertThat(status()).isEqualTo("RENTED");
        }

        /**
         * A move-in and a move-out of one unit at once: the later transaction derives only once the
         * earlier has committed, so it sees both stays (unlocked, it would derive VACANT from its own
         * snapshot and overwrite the other's OCCUPIED).
         */
        @Test
        void concurrentStayChangesOfOneUnitEndInTheStatusOfBoth() throws Exception {
            UUID projectId = UUID.fromString(project);
            UUID unitId = UUID.fromString(unit);
            UUID lodger = stay(unitId, person("孙丽"), "TENANT");
            UUID buyer = person("张伟");
            inTenant(() -> follower.refresh(projectId, List.of(unitId)));
            CountDownLatch derived = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                Future<?> moveIn = threads.submit(() -> inTenant(() -> {
                    insertStay(unitId, buyer, "OWNER");
                    follower.refresh(projectId, List.of(unitId));
                    derived.countDown();
                    awaitQuietly(release);
                }));
                assertThat(derived.await(20, TimeUnit.SECONDS)).isTrue();
                Future<?> moveOut = threads.submit(() -> inTenant(() -> {
                    jdbc.update("update occupancy set move_out = current_date where id = ?", lodger);
                    follower.refresh(projectId, List.of(unitId));
                }));
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> jdbc.queryForObject(
                                        "select count(*) from pg_stat_activity where datname = current_database()"
                                                + " and wait_event_type = 'Lock'",
                                        Integer.class)
                                > 0);
                release.countDown();
                moveIn.get(20, TimeUnit.SECONDS);
                moveOut.get(20, TimeUnit.SECONDS);
            } finally {
                release.countDown();
                threads.shutdownNow();
            }

            assertThat(status()).isEqualTo("OCCUPIED");
        }
    }

    private JsonNode link(UUID person, String role) throws Exception {
        return api.created(
                occupants,
                hq(tenant),
                "{\"personId\":\"%s\",\"role\":\"%s\",\"primaryPayer\":false,\"moveIn\":\"2025-07-01\"}"
                        .formatted(person, role));
    }

    private void end(String stay) throws Exception {
        body(api.post(occupants + "/" + stay + "/end", hq(tenant), "{\"moveOut\":\"2026-01-31\"}"), 200);
    }

    private String status() throws Exception {
        return body(api.get("/api/v1/units/" + unit, hq(tenant)), 200)
                .path("status")
                .asString();
    }

    /** The project tree's units by status, as staff read it (from the cache where it holds one). */
    private JsonNode counts() throws Exception {
        return body(api.get("/api/v1/projects/" + project + "/tree", hq(tenant)), 200)
                .path("counts");
    }

    private static Predicate<JsonNode> updated(String unit, String status) {
        return EventTap.event("asset.unit.updated", unit)
                .and(e -> e.path("payload").path("status").asString().equals(status));
    }

    private int announced(String unit) {
        return jdbc.queryForObject(
                "select count(*) from outbox_event where type = 'asset.unit.updated' and aggregate_id = ?",
                Integer.class,
                UUID.fromString(unit));
    }

    /** An active person in the projection, as user-service's event would leave them. */
    private UUID person(String name) {
        UUID id = UUID.randomUUID();
        inTenant(() -> jdbc.update(
                "insert into person (id, tenant_id, display_name, category, status, source_updated_at, received_at)"
                        + " values (?, ?, ?, 'OWNER', 'ACTIVE', now(), now())",
                id,
                tenant,
                name));
        return id;
    }

    /** A stay written behind the follower's back, as a bulk path writes it. */
    private UUID stay(UUID unitId, UUID person, String role) {
        return fromTenant(() -> insertStay(unitId, person, role));
    }

    private UUID insertStay(UUID unitId, UUID person, String role) {
        UUID id = UUID.randomUUID();
        jdbc.update(
                "insert into occupancy (id, version, tenant_id, project_id, unit_id, person_id, role, primary_payer,"
                        + " move_in, created_at, updated_at) values (?, 0, ?, ?, ?, ?, ?, false, ?, now(), now())",
                id,
                tenant,
                UUID.fromString(project),
                unitId,
                person,
                role,
                Date.valueOf("2024-01-01"));
        return id;
    }

    private void inTenant(Runnable work) {
        TenantContext.runAs(tenant, () -> transactions.executeWithoutResult(tx -> work.run()));
    }

    private <T> T fromTenant(Supplier<T> work) {
        return TenantContext.callAs(tenant, () -> transactions.execute(tx -> work.get()));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
