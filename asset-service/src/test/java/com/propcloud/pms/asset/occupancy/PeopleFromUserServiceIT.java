package com.propcloud.pms.asset.occupancy;

import static com.propcloud.pms.asset.registry.RegistryApi.body;
import static com.propcloud.pms.asset.registry.RegistryApi.hq;
import static com.propcloud.pms.asset.registry.RegistryApi.problem;
import static com.propcloud.pms.asset.registry.RegistryApi.unique;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.propcloud.pms.asset.registry.RegistryApi;
import com.propcloud.pms.common.tenant.TenantContext;
import com.propcloud.pms.common.tenant.directory.TenantDirectory;
import com.propcloud.pms.common.tenant.directory.TenantEntry;
import com.propcloud.pms.test.UsesPmsInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * asset-service with user-service's people API stood in on a local port ({@link UserServiceStandIn}):
 * the person projection fills from the listing alone, at start and on later runs that ask only for
 * what changed (nothing is published to RabbitMQ here), and units are found by an exact phone that
 * user-service matches.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "pms.user-service.client-secret=" + PeopleFromUserServiceIT.SECRET,
            "asset.person-sync.page-size=2",
            "asset.person-sync.margin=5m",
            "asset.person-sync.retry-min=200ms",
            "asset.person-sync.retry-max=1s"
        })
@UsesPmsInfrastructure
// imported, not detected: the tests sit in @Nested classes, for which a nested configuration is not picked up
@Import(PeopleFromUserServiceIT.Tenants.class)
class PeopleFromUserServiceIT {

    static final String SECRET = "stand-in-secret";
    private static final Duration MARGIN = Duration.ofMinutes(5);
    private static final Instant START = Instant.parse("2026-11-01T08:00:00.123456Z");

    /** A tenant in the directory when the service starts, whose people user-service holds already. */
    static final UUID EARLY = UUID.randomUUID();

    static final UUID PLATFORM = UUID.randomUUID();
    static final UserServiceStandIn USER_SERVICE = standIn();
    static final List<UserServiceStandIn.Someone> EARLY_PEOPLE = List.of(
            USER_SERVICE.put(EARLY, someone("张伟", START)),
            USER_SERVICE.put(EARLY, someone("李娜", START.plusSeconds(1))),
            USER_SERVICE.put(EARLY, someone("王芳", START.plusSeconds(2))));

    @TestConfiguration
    static class Tenants {

        /** The early tenant and the platform, which has no people and must not be asked for any. */
        @Bean
        @Primary
        TenantDirectory standInTenants() {
            List<TenantEntry> all = List.of(
                    new TenantEntry(EARLY, "early", "Early", TenantEntry.ACTIVE, ZoneId.of("Asia/Shanghai")),
                    new TenantEntry(PLATFORM, "platform", "Platform", TenantEntry.ACTIVE, ZoneId.of("UTC")));
            return new TenantDirectory() {
                @Override
                public Optional<TenantEntry> findByCode(String code) {
                    return all.stream().filter(t -> t.code().equals(code)).findFirst();
                }

                @Override
                public Optional<TenantEntry> findById(UUID id) {
                    return all.stream().filter(t -> t.id().equals(id)).findFirst();
                }

                @Override
                public List<TenantEntry> all() {
                    return all;
                }
            };
        }
    }

    @DynamicPropertySource
    static void pointAtTheStandIn(DynamicPropertyRegistry registry) {
        registry.add("pms.user-service.uri", USER_SERVICE::uri);
    }

    @AfterAll
    static void stopTheStandIn() {
        USER_SERVICE.close();
    }

    @Autowired
    PersonSync sync;

    @Autowired
    PersonProjection projection;

    @Autowired
    DataSource dataSource;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    MeterRegistry meters;

    @LocalServerPort
    int port;

    /** Reads the projection only: nothing is published in this test. */
    People people;

    UUID tenant;

    @BeforeEach
    void setUp() {
        people = new People(null, dataSource);
        tenant = UUID.randomUUID();
        USER_SERVICE.down(false);
    }

    @Nested
    class AtStart {

        @Test
        void theProjectionFillsFromUserServicesListingWithoutAnyEvent() {
            for (UserServiceStandIn.Someone someone : EARLY_PEOPLE) {
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> stored(EARLY, someone.id()), found -> found.isPresent());
                assertThat(stored(EARLY, someone.id()).orElseThrow())
                        .isEqualTo(new People.Stored(
                                someone.displayName(),
                                someone.phone().substring(0, 3) + "****"
                                        + someone.phone().substring(7),
                                "ACTIVE"));
            }
            // three people in pages of two, the second asked from where the first ended
            assertThat(USER_SERVICE.listings(EARLY)).hasSizeGreaterThanOrEqualTo(2);
            assertThat(USER_SERVICE.listings(EARLY).get(1))
                    .contains("after=" + EARLY_PEOPLE.get(1).id());
            assertThat(USER_SERVICE.listings(PLATFORM)).isEmpty();
        }
    }

    @Nested
    class LaterRuns {

        @Test
        void aSecondRunAsksOnlyForWhatChangedSinceTheFirstLessTheMargin() {
            UserServiceStandIn.Someone zhang = USER_SERVICE.put(tenant, someone("张伟", START));
            USER_SERVICE.put(tenant, someone("李娜", START.plusSeconds(1)));
            assertThat(sync.syncTenant(tenant)).isEqualTo(2);
            assertThat(USER_SERVICE.listings(tenant)).singleElement().asString().doesNotContain("updatedSince");

            USER_SERVICE.put(tenant, zhang.renamed("张伟伟", START.plusSeconds(60)));
            sync.syncTenant(tenant);

            String since = START.plusSeconds(1).minus(MARGIN).toString();
            assertThat(USER_SERVICE.listings(tenant).get(1))
                    .contains("updatedSince=" + URLEncoder.encode(since, UTF_8))
                    .doesNotContain("after=");
            assertThat(stored(tenant, zhang.id()).orElseThrow().displayName()).isEqualTo("张伟伟");
        }

        @Test
        void aNewerCopyInTheProjectionIsNotOverwrittenByAnOlderListing() {
            UserServiceStandIn.Someone listed = USER_SERVICE.put(tenant, someone("旧名字", START));
            storeNewer(tenant, listed.renamed("新名字", START.plusSeconds(60)));

            sync.syncTenant(tenant);

            assertThat(stored(tenant, listed.id()).orElseThrow().displayName()).isEqualTo("新名字");
        }

        @Test
        void eachPersonIsFiledUnderTheirOwnTenant() {
            UUID other = UUID.randomUUID();
            UserServiceStandIn.Someone mine = USER_SERVICE.put(tenant, someone("张伟", START));
            UserServiceStandIn.Someone theirs = USER_SERVICE.put(other, someone("李娜", START));

            sync.syncTenant(tenant);
            sync.syncTenant(other);

            assertThat(stored(tenant, mine.id())).isPresent();
            assertThat(stored(tenant, theirs.id())).isEmpty();
            assertThat(stored(other, theirs.id())).isPresent();
        }

        @Test
        void thePeopleListedAreCounted() {
            USER_SERVICE.put(tenant, someone("张伟", START));
            USER_SERVICE.put(tenant, someone("李娜", START));
            USER_SERVICE.put(tenant, someone("王芳", START));
            double before = meters.get("pms.person-sync.people").counter().count();

            sync.syncTenant(tenant);

            assertThat(meters.get("pms.person-sync.people").counter().count()).isEqualTo(before + 3);
        }

        @Test
        void aRunWhileUserServiceIsDownFinishesNothingAndIsRetriedWithBackoff() {
            USER_SERVICE.down(true);
            PersonSync.Run failed = sync.runOnce();

            assertThat(failed.finished()).isFalse();
            assertThat(sync.backoff(1)).isEqualTo(Duration.ofMillis(200));
            assertThat(sync.backoff(3)).isEqualTo(Duration.ofMillis(800));
            assertThat(sync.backoff(10)).isEqualTo(Duration.ofSeconds(1));

            USER_SERVICE.down(false);
            assertThat(sync.runOnce().finished()).isTrue();
        }
    }

    @Nested
    class UnitsByPhone {

        private static final String SEARCH = "/api/v1/units/by-occupant?phone=";

        RegistryApi api;
        String unit;

        @BeforeEach
        void aUnit() throws Exception {
            api = new RegistryApi(port);
            String project = api.project(hq(tenant), unique("PH-"));
            unit = api.unit(hq(tenant), api.building(hq(tenant), project, "1", 10, 0), "101", 1, "VACANT");
        }

        @Test
        void findsTheUnitsOfThePersonHoldingThePhoneAsTyped() throws Exception {
            UserServiceStandIn.Someone owner = occupant(tenant, unit);
            String typed = "+86 " + owner.phone().substring(0, 3) + "-"
                    + owner.phone().substring(3, 7) + "-" + owner.phone().substring(7);

            JsonNode found = body(api.get(SEARCH + URLEncoder.encode(typed, UTF_8), hq(tenant)), 200);

            assertThat(found.path("totalElements").asLong()).isEqualTo(1);
            assertThat(found.path("content").get(0).path("unitId").asString()).isEqualTo(unit);
            assertThat(found.path("content").get(0).path("personId").asString())
                    .isEqualTo(owner.id().toString());
        }

        @Test
        void aPhoneNobodyHoldsInTheTenantFindsNothing() throws Exception {
            UserServiceStandIn.Someone elsewhere = USER_SERVICE.put(UUID.randomUUID(), someone("李娜", START));
            occupant(tenant, unit);

            JsonNode found = body(api.get(SEARCH + elsewhere.phone(), hq(tenant)), 200);

            assertThat(found.path("totalElements").asLong()).isZero();
        }

        @Test
        void aMalformedPhoneIsABadRequestThatDoesNotRepeatIt() throws Exception {
            var response = api.get(SEARCH + "12345678901", hq(tenant));

            problem(response, 400, "validation-failed");
            assertThat(response.body()).doesNotContain("12345678901");
        }

        @Test
        @ExtendWith(OutputCaptureExtension.class)
        void userServiceDownIsAServiceUnavailableProblemAndThePhoneIsNotLogged(CapturedOutput output) throws Exception {
            String phone = someone("张伟", START).phone();
            USER_SERVICE.down(true);

            var response = api.get(SEARCH + phone, hq(tenant));

            problem(response, 503, "occupancy.people-unavailable");
            assertThat(response.body()).doesNotContain(phone);
            assertThat(output.getAll()).doesNotContain(phone);
        }

        /** A person user-service holds, in the projection through the sync, linked to the unit. */
        private UserServiceStandIn.Someone occupant(UUID in, String unitId) throws Exception {
            UserServiceStandIn.Someone person = USER_SERVICE.put(in, someone("张伟", START));
            sync.syncTenant(in);
            api.created(
                    "/api/v1/units/" + unitId + "/occupants",
                    hq(in),
                    "{\"personId\":\"%s\",\"role\":\"OWNER\",\"primaryPayer\":true,\"moveIn\":\"2025-07-01\"}"
                            .formatted(person.id()));
            return person;
        }
    }

    private void storeNewer(UUID in, UserServiceStandIn.Someone someone) {
        TenantContext.runAs(
                in,
                () -> transactions.executeWithoutResult(tx -> projection.recordAll(
                        in,
                        List.of(new PeopleRegistry.Snapshot(
                                someone.id(),
                                someone.displayName(),
                                null,
                                someone.category(),
                                someone.status(),
                                someone.updatedAt())),
                        Timestamp.from(Instant.now()))));
    }

    private Optional<People.Stored> stored(UUID in, UUID person) {
        try {
            return people.stored(in, person);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A person with a phone no other test uses. */
    private static UserServiceStandIn.Someone someone(String name, Instant updatedAt) {
        String phone = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        return new UserServiceStandIn.Someone(UUID.randomUUID(), name, phone, "OWNER", "ACTIVE", updatedAt);
    }

    private static UserServiceStandIn standIn() {
        try {
            return new UserServiceStandIn(SECRET);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
