package com.propcloud.pms.common.tenant.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.propcloud.pms.common.messaging.MessagingTestApplication;
import com.propcloud.pms.common.messaging.TestBroker;
import com.propcloud.pms.test.UsesPmsInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The tenant directory of a service against a stub user-service and the real PostgreSQL and RabbitMQ:
 * bootstrapped at start with a service token, kept current by real {@code user.tenant.*} events, and
 * refetched on an unknown key at most once per interval.
 */
@UsesPmsInfrastructure
@DirtiesContext
@SpringBootTest(
        classes = MessagingTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "spring.application.name=directoryit",
            "pms.database.name=directoryit",
            // a small pool, and the context closed after the class: the test JVM shares the server's connections
            "pms.database.max-pool-size=3",
            "pms.tenant-directory.enabled=true",
            "pms.tenant-directory.client-secret=it-secret",
            "pms.tenant-directory.refetch-interval=" + TenantDirectoryIT.INTERVAL_MILLIS + "ms",
            // every lookup reads the table, so the tests see exactly what the events and refetches stored
            "pms.tenant-directory.cache-ttl=0s",
            "pms.messaging.consumer.backoff=200ms"
        })
class TenantDirectoryIT {

    static final long INTERVAL_MILLIS = 1500;
    static final String CLIENT = "directoryit";
    static final String SECRET = "it-secret";

    static final StubUserService.Tenant ALPHA = StubUserService.Tenant.active("alpha", "Asia/Shanghai");
    static final StubUserService.Tenant BETA = StubUserService.Tenant.active("beta", "Europe/Berlin");
    static final StubUserService.Tenant LIMITED =
            StubUserService.Tenant.active("limited", "Asia/Shanghai").withLimits(3, 500);

    static StubUserService userService;

    @Autowired
    TenantDirectory directory;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    static void startUserService() throws Exception {
        userService = StubUserService.start(CLIENT, SECRET).put(ALPHA).put(BETA).put(LIMITED);
    }

    @AfterAll
    static void stopUserService() {
        userService.close();
    }

    @DynamicPropertySource
    static void pointAtUserService(DynamicPropertyRegistry registry) {
        registry.add("pms.tenant-directory.user-service-uri", () -> userService.uri());
    }

    @Test
    void bootstrapFillsTheTableWithAServiceTokenObtainedByClientCredentials() {
        await().atMost(Duration.ofSeconds(10)).until(() -> storedCodes().containsAll(List.of("alpha", "beta")));

        String basic =
                "Basic " + Base64.getEncoder().encodeToString((CLIENT + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
        assertThat(userService.tokenAuthorizations()).isNotEmpty().allMatch(basic::equals);
        assertThat(userService.tokenBodies()).allMatch("grant_type=client_credentials"::equals);
        assertThat(userService.refusedListRequests()).isZero();
        assertThat(directory.findByCode("ALPHA "))
                .contains(new TenantEntry(ALPHA.id(), "alpha", "Tenant alpha", "ACTIVE", ZoneId.of("Asia/Shanghai")));
        assertThat(directory.findById(BETA.id()).map(TenantEntry::timeZone)).contains(ZoneId.of("Europe/Berlin"));
        // what jobs that visit every tenant iterate, by code
        assertThat(directory.all()).extracting(TenantEntry::code).containsSubsequence("alpha", "beta");
    }

    @Test
    void theListCarriesPlanLimitsAndATenantListedWithoutThemIsUnlimited() {
        await().atMost(Duration.ofSeconds(10)).until(() -> storedCodes().contains("limited"));

        assertThat(limitsOf(LIMITED.id())).containsExactly(3, 500);
        // ALPHA is listed without the fields, as by a user-service from before the limits
        assertThat(limitsOf(ALPHA.id())).containsExactly(null, null);
    }

    @Test
    void eventsCarryPlanLimitsAndAnUpdateLiftsThem() throws Exception {
        awaitBootstrap();
        UUID capped = UUID.randomUUID();
        Instant at = Instant.parse("2026-11-21T03:00:00Z");
        try (TestBroker broker = TestBroker.connect()) {
            publish(broker, withLimits(created(capped, "capped", "Asia/Shanghai", at), "2", "40"));
            await().atMost(Duration.ofSeconds(10)).until(() -> limitsOf(capped).equals(Arrays.asList(2, 40)));

            String lifted = updated(capped, "capped", "ACTIVE", "Asia/Shanghai", at.plusSeconds(60));
            publish(broker, withLimits(lifted, "null", "80"));
            await().atMost(Duration.ofSeconds(10)).until(() -> limitsOf(capped).equals(Arrays.asList(null, 80)));
        }
    }

    /** The tenant's (maxProjects, maxUnits) as the directory answers them; empty for an unknown tenant. */
    private List<@Nullable Integer> limitsOf(UUID id) {
        return directory
                .findById(id)
                .map(entry -> Arrays.asList(entry.maxProjects(), entry.maxUnits()))
                .orElse(List.of());
    }

    @Test
    void publishedEventsUpsertAndAnOlderUpdateIsIgnored() throws Exception {
        awaitBootstrap();
        UUID tenantId = UUID.randomUUID();
        Instant createdAt = Instant.parse("2026-11-21T02:15:04.118Z");
        try (TestBroker broker = TestBroker.connect()) {
            publish(broker, created(tenantId, "harbour", "Asia/Shanghai", createdAt));
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> storedZone(tenantId).isPresent());
            assertThat(directory.findByCode("harbour").map(TenantEntry::name)).contains("Harbour View");

            publish(broker, updated(tenantId, "harbour", "SUSPENDED", "Asia/Tokyo", createdAt.plusSeconds(60)));
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> storedZone(tenantId).equals(Optional.of("Asia/Tokyo")));
            assertThat(directory.findById(tenantId))
                    .hasValueSatisfying(entry -> assertThat(entry.active()).isFalse());

            // an update that was overtaken (older than the stored copy) changes nothing once consumed
            String stale = updated(tenantId, "harbour", "ACTIVE", "Europe/Berlin", createdAt.plusSeconds(30));
            publish(broker, stale);
            await().atMost(Duration.ofSeconds(10)).until(() -> consumed(eventId(stale)));
            assertThat(storedZone(tenantId)).contains("Asia/Tokyo");
            assertThat(directory.findById(tenantId).map(TenantEntry::status)).contains("SUSPENDED");
        }
    }

    @Test
    void anUnknownCodeIsFetchedFromUserService() throws Exception {
        awaitBootstrap();
        waitOutTheInterval();
        StubUserService.Tenant gamma = StubUserService.Tenant.active("gamma", "America/New_York");
        userService.put(gamma);
        int before = userService.listRequests();

        Optional<TenantEntry> found = directory.findByCode("gamma");

        assertThat(found.map(TenantEntry::id)).contains(gamma.id());
        assertThat(found.map(TenantEntry::timeZone)).contains(ZoneId.of("America/New_York"));
        assertThat(userService.listRequests()).isEqualTo(before + 1);
        // known now: asking again costs user-service nothing
        assertThat(directory.findByCode("gamma")).isPresent();
        assertThat(userService.listRequests()).isEqualTo(before + 1);
    }

    @Test
    void anUnknownIdIsFetchedFromUserService() throws Exception {
        awaitBootstrap();
        waitOutTheInterval();
        StubUserService.Tenant delta = StubUserService.Tenant.active("delta", "UTC");
        userService.put(delta);

        assertThat(directory.findById(delta.id()).map(TenantEntry::code)).contains("delta");
    }

    @Test
    void aFloodOfUnknownCodesRefetchesAtMostOncePerInterval() throws Exception {
        awaitBootstrap();
        waitOutTheInterval();
        int before = userService.listRequests();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Optional<TenantEntry>>> lookups = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String code = "nobody-" + i;
                lookups.add(pool.submit(() -> directory.findByCode(code)));
            }
            for (Future<Optional<TenantEntry>> lookup : lookups) {
                assertThat(lookup.get()).isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(userService.listRequests() - before).isEqualTo(1);

        waitOutTheInterval();
        assertThat(directory.findByCode("nobody-again")).isEmpty();
        assertThat(userService.listRequests() - before).isEqualTo(2);
    }

    @Test
    void whatCannotBeATenantCodeIsNeverFetched() throws Exception {
        awaitBootstrap();
        waitOutTheInterval();
        int before = userService.listRequests();

        assertThat(directory.findByCode("not a code/../")).isEmpty();
        assertThat(directory.findByCode("")).isEmpty();
        assertThat(directory.findByCode("x".repeat(100))).isEmpty();

        assertThat(userService.listRequests()).isEqualTo(before);
    }

    private void awaitBootstrap() {
        await().atMost(Duration.ofSeconds(10)).until(() -> storedCodes().contains("alpha"));
    }

    private static void waitOutTheInterval() throws InterruptedException {
        Thread.sleep(INTERVAL_MILLIS + 100);
    }

    private List<String> storedCodes() {
        return jdbc.queryForList("select code from tenant_directory", String.class);
    }

    private Optional<String> storedZone(UUID id) {
        return jdbc.queryForList("select time_zone from tenant_directory where id = ?", String.class, id).stream()
                .findFirst();
    }

    private boolean consumed(UUID eventId) {
        Integer count = jdbc.queryForObject(
                "select count(*) from inbox_event where consumer = ? and event_id = ?",
                Integer.class,
                CLIENT + TenantDirectoryAutoConfiguration.CONSUMER_SUFFIX,
                eventId);
        return count != null && count > 0;
    }

    private static void publish(TestBroker broker, String envelope) throws Exception {
        String type = envelope.contains("\"user.tenant.created\"") ? "user.tenant.created" : "user.tenant.updated";
        broker.publish(type, eventId(envelope).toString(), envelope.getBytes(StandardCharsets.UTF_8));
    }

    private static UUID eventId(String envelope) {
        int start = envelope.indexOf("\"eventId\":\"") + "\"eventId\":\"".length();
        return UUID.fromString(envelope.substring(start, start + 36));
    }

    /** The event with plan limits in its payload (JSON literals: a number or {@code null}). */
    private static String withLimits(String envelope, String maxProjects, String maxUnits) {
        return envelope.replace(
                "\"timeZone\":", "\"maxProjects\":" + maxProjects + ",\"maxUnits\":" + maxUnits + ",\"timeZone\":");
    }

    /** Shaped as user-service's golden {@code user.tenant.created.v1.json} before the plan limits. */
    private static String created(UUID tenantId, String code, String timeZone, Instant createdAt) {
        return """
                {"eventId":"%s","type":"user.tenant.created","schemaVersion":1,"tenantId":"%s","projectId":null,
                 "aggregateId":"%s","occurredAt":"%s",
                 "payload":{"tenantId":"%s","code":"%s","name":"Harbour View","status":"ACTIVE",
                            "timeZone":"%s","createdAt":"%s"}}""".formatted(UUID.randomUUID(), tenantId, tenantId, createdAt, tenantId, code, timeZone, createdAt);
    }

    /** Shaped as user-service's golden {@code user.tenant.updated.v1.json} before the plan limits. */
    private static String updated(UUID tenantId, String code, String status, String timeZone, Instant updatedAt) {
        return """
                {"eventId":"%s","type":"user.tenant.updated","schemaVersion":1,"tenantId":"%s","projectId":null,
                 "aggregateId":"%s","occurredAt":"%s",
                 "payload":{"tenantId":"%s","code":"%s","name":"Harbour View","status":"%s",
                            "timeZone":"%s","updatedAt":"%s"}}""".formatted(
                UUID.randomUUID(), tenantId, tenantId, Instant.now(), tenantId, code, status, timeZone, updatedAt);
    }
}
