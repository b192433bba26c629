package com.propcloud.pms.asset.renovation;

import static com.propcloud.pms.asset.occupancy.People.ownerToken;
import static com.propcloud.pms.asset.registry.RegistryApi.assertNotFoundLikeMissing;
import static com.propcloud.pms.asset.registry.RegistryApi.awaitGolden;
import static com.propcloud.pms.asset.registry.RegistryApi.body;
import static com.propcloud.pms.asset.registry.RegistryApi.hq;
import static com.propcloud.pms.asset.registry.RegistryApi.id;
import static com.propcloud.pms.asset.registry.RegistryApi.ids;
import static com.propcloud.pms.asset.registry.RegistryApi.problem;
import static com.propcloud.pms.asset.registry.RegistryApi.scoped;
import static com.propcloud.pms.asset.registry.RegistryApi.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.propcloud.pms.asset.occupancy.People;
import com.propcloud.pms.asset.registry.RegistryApi;
import com.propcloud.pms.test.EventTap;
import com.propcloud.pms.test.UsesPmsInfrastructure;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Renovation filings: an owner files for a unit they hold, staff of the project decide, each state
 * reachable only from the one before, and the owner follows it; other owners, projects and tenants see
 * nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesPmsInfrastructure
class RenovationIT {

    private static final String FILING = """
            {"contractorName":"安居装饰","contractorPhone":"13912345678","startsOn":"2026-12-01",
             "endsOn":"2027-02-28","deposit":{"amount":"2000.00","currency":"CNY"}}""";

    /**
     * A mainland mobile number in full, standing alone: the masked form ({@code 139****5678}) does not
     * match, nor do digits inside a hex id.
     */
    private static final String FULL_MOBILE = "(?<![0-9a-f])1[3-9][0-9]{9}(?![0-9a-f])";

    private static EventTap events;

    private final UUID tenant = UUID.randomUUID();

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    RegistryApi api;
    People people;
    UUID projectId;
    String unit;
    UUID owner;
    String own;

    @BeforeAll
    static void listen() {
        events = EventTap.bind("asset.occupancy.#", "asset.renovation.#");
    }

    @AfterAll
    static void close() {
        events.close();
    }

    @BeforeEach
    void anOwnerOfAUnit() throws Exception {
        api = new RegistryApi(port);
        people = new People(events, dataSource);
        String project = api.project(hq(tenant), unique("R-"));
        projectId = UUID.fromString(project);
        String building = api.building(hq(tenant), project, "1", 10, 0);
        unit = api.unit(hq(tenant), building, "801", 8, "OCCUPIED");
        owner = people.person(tenant, "张伟");
        api.created(
                "/api/v1/units/" + unit + "/occupants",
                hq(tenant),
                "{\"personId\":\"%s\",\"role\":\"OWNER\",\"primaryPayer\":true,\"moveIn\":\"2025-07-01\"}"
                        .formatted(owner));
        own = "/api/v1/app/units/" + unit + "/renovations";
    }

    private String manager() {
        return scoped(tenant, "PROJECT_MANAGER", projectId);
    }

    private String submitted() throws Exception {
        return id(api.created(own, ownerToken(tenant, owner), FILING));
    }

    @Test
    void anOwnerFilesForTheirUnitWithTheContractorsPhoneMasked() throws Exception {
        JsonNode filed = api.created(own, ownerToken(tenant, owner), FILING);

        assertThat(filed.path("status").asString()).isEqualTo("SUBMITTED");
        assertThat(filed.path("applicantId").asString()).isEqualTo(owner.toString());
        assertThat(filed.path("contractorPhoneMasked").asString()).isEqualTo("139****5678");
        assertThat(filed.path("deposit").path("amount").asString()).isEqualTo("2000.00");
        // the full number nowhere (ids are hex and may hold any three digits: match the phone's shape)
        assertThat(filed.toString()).doesNotContainPattern(FULL_MOBILE);
        assertThat(ids(body(api.get(own, ownerToken(tenant, owner)), 200))).containsExactly(id(filed));
    }

    @Nested
    class Events {

        @Test
        void filingAndApprovingThenCompletingLeaveTheirEvents() throws Exception {
            String filing = submitted();
            body(api.post("/api/v1/renovations/" + filing + "/approve", manager(), ""), 200);
            body(api.post("/api/v1/renovations/" + filing + "/approve", manager(), ""), 200);
            body(api.post("/api/v1/renovations/" + filing + "/complete", manager(), ""), 200);

            JsonNode submitted = awaitGolden(events, "asset.renovation.submitted", filing);
            JsonNode approved = awaitGolden(events, "asset.renovation.approved", filing);
            JsonNode completed = awaitGolden(events, "asset.renovation.completed", filing);

            assertThat(submitted.path("tenantId").asString()).isEqualTo(tenant.toString());
            assertThat(submitted.path("projectId").asString()).isEqualTo(projectId.toString());
            assertThat(submitted.path("payload").path("applicantId").asString()).isEqualTo(owner.toString());
            assertThat(submitted.path("payload").path("deposit").decimalValue()).isEqualByComparingTo("2000.00");
            assertThat(submitted.path("payload").path("contractorPhoneMasked").asString())
                    .isEqualTo("139****5678");
            assertThat(submitted.toString()).doesNotContainPattern(FULL_MOBILE);
            assertThat(approved.path("payload").path("status").asString()).isEqualTo("APPROVED");
            assertThat(completed.path("payload").path("completedAt").isNull()).isFalse();
            // approving twice is one approval
            assertThat(outboxed("asset.renovation.approved", filing)).isEqualTo(1);
        }

        @Test
        void aRejectionLeavesItsEventWithTheReason() throws Exception {
            String filing = submitted();
            body(api.post("/api/v1/renovations/" + filing + "/reject", manager(), "{\"reason\":\"承重墙不得拆改\"}"), 200);

            JsonNode rejected = awaitGolden(events, "asset.renovation.rejected", filing);

            assertThat(rejected.path("payload").path("reason").asString()).isEqualTo("承重墙不得拆改");
            assertThat(rejected.path("payload").path("decidedBy").isNull()).isFalse();
        }

        private int outboxed(String type, String aggregateId) {
            return new JdbcTemplate(dataSource)
                    .queryForObject(
                            "select count(*) from outbox_event where type = ? and aggregate_id = ?",
                            Integer.class,
                            type,
                            UUID.fromString(aggregateId));
        }
    }

    @Nested
    class Workflow {

        @Test
        void aProjectManagerApprovesThenCompletesAndTheOwnerSeesIt() throws Exception {
            String filing = submitted();

            body(api.post("/api/v1/renovations/" + filing + "/approve", manager(), ""), 200);
            JsonNode completed = body(api.post("/api/v1/renovations/" + filing + "/complete", manager(), ""), 200);
            JsonNode seen = body(api.get(own + "/" + filing, ownerToken(tenant, owner)), 200);

            assertThat(completed.path("status").asString()).isEqualTo("COMPLETED");
            assertThat(seen.path("status").asString()).isEqualTo("COMPLETED");
            assertThat(seen.path("decidedAt").isNull()).isFalse();
        }

        @Test
        void aRejectionNeedsAReasonWhichTheOwnerSees() throws Exception {
            String filing = submitted();

            assertThat(api.post("/api/v1/renovations/" + filing + "/reject", manager(), "{\"reason\":\" \"}")
                            .statusCode())
                    .isEqualTo(400);
            body(api.post("/api/v1/renovations/" + filing + "/reject", manager(), "{\"reason\":\"承重墙不得拆改\"}"), 200);

            JsonNode seen = body(api.get(own + "/" + filing, ownerToken(tenant, owner)), 200);
            assertThat(seen.path("status").asString()).isEqualTo("REJECTED");
            assertThat(seen.path("reason").asString()).isEqualTo("承重墙不得拆改");
        }

        @Test
        void noStepIsSkippedAndARepeatedOneChangesNothing() throws Exception {
            String filing = submitted();

            problem(
                    api.post("/api/v1/renovations/" + filing + "/complete", manager(), ""),
                    409,
                    RenovationCodes.ILLEGAL_TRANSITION);
            api.post("/api/v1/renovations/" + filing + "/reject", manager(), "{\"reason\":\"incomplete\"}");
            JsonNode again = body(
                    api.post("/api/v1/renovations/" + filing + "/reject", manager(), "{\"reason\":\"other\"}"), 200);
            assertThat(again.path("reason").asString()).isEqualTo("incomplete");
            problem(
                    api.post("/api/v1/renovations/" + filing + "/approve", manager(), ""),
                    409,
                    RenovationCodes.ILLEGAL_TRANSITION);
        }

        @Test
        void onlyHqAndProjectManagersDecide() throws Exception {
            String filing = submitted();

            assertThat(api.post(
                                    "/api/v1/renovations/" + filing + "/approve",
                                    scoped(tenant, "FRONT_DESK", projectId),
                                    "")
                            .statusCode())
                    .isEqualTo(403);
            assertThat(api.post("/api/v1/renovations/" + filing + "/approve", ownerToken(tenant, owner), "")
                            .statusCode())
                    .isEqualTo(403);
            assertThat(api.post("/api/v1/renovations/" + filing + "/approve", hq(tenant), "")
                            .statusCode())
                    .isEqualTo(200);
        }
    }

    @Nested
    class Rules {

        @Test
        void aNegativeDepositOrABackwardPeriodIsUnprocessable() throws Exception {
            problem(
                    api.post(own, ownerToken(tenant, owner), FILING.replace("2000.00", "-1")),
                    422,
                    RenovationCodes.DEPOSIT_INVALID);
            problem(
                    api.post(own, ownerToken(tenant, owner), FILING.replace("2027-02-28", "2026-11-30")),
                    422,
                    RenovationCodes.PERIOD_INVALID);
            problem(
                    api.post(own, ownerToken(tenant, owner), FILING.replace("CNY", "USD")),
                    422,
                    RenovationCodes.CURRENCY_UNSUPPORTED);
        }

        @Test
        void aZeroDepositIsFine() throws Exception {
            JsonNode filed = api.created(own, ownerToken(tenant, owner), FILING.replace("2000.00", "0"));

            assertThat(filed.path("deposit").path("amount").asString()).isEqualTo("0.00");
        }

        @Test
        void staffFileOnlyForAnOccupantOfTheUnit() throws Exception {
            UUID stranger = people.person(tenant, "路人");
            String staffFiling = FILING.replaceFirst("\\{", "{\"unitId\":\"" + unit + "\",\"applicantId\":\"%s\",");

            problem(
                    api.post("/api/v1/renovations", hq(tenant), staffFiling.formatted(stranger)),
                    422,
                    RenovationCodes.APPLICANT_NOT_OCCUPANT);
            JsonNode filed = api.created("/api/v1/renovations", hq(tenant), staffFiling.formatted(owner));
            assertThat(ids(body(api.get("/api/v1/renovations?unitId=" + unit + "&status=SUBMITTED", manager()), 200)))
                    .containsExactly(id(filed));
        }
    }

    @Nested
    class Reach {

        @Test
        void anotherOwnerCannotFileOrSeeTheUnitsFilings() throws Exception {
            String filing = submitted();
            String neighbour = ownerToken(tenant, people.person(tenant, "李娜"));
            String missingUnit = "/api/v1/app/units/" + UUID.randomUUID() + "/renovations";

            assertNotFoundLikeMissing(api.get(own, neighbour), api.get(missingUnit, neighbour), unit);
            assertNotFoundLikeMissing(api.post(own, neighbour, FILING), api.post(missingUnit, neighbour, FILING), unit);
            assertThat(api.get(own + "/" + filing, neighbour).statusCode()).isEqualTo(404);
        }

        @Test
        void anotherProjectsOrTenantsStaffDoNotFindTheFiling() throws Exception {
            String filing = submitted();
            String path = "/api/v1/renovations/" + filing;
            String missing = "/api/v1/renovations/" + UUID.randomUUID();
            String otherProject = scoped(tenant, "PROJECT_MANAGER", UUID.randomUUID());
            String otherTenant = hq(UUID.randomUUID());

            assertNotFoundLikeMissing(api.get(path, otherProject), api.get(missing, otherProject), filing);
            assertNotFoundLikeMissing(api.get(path, otherTenant), api.get(missing, otherTenant), filing);
            assertThat(api.post(path + "/approve", otherProject, "").statusCode())
                    .isEqualTo(404);
        }
    }
}
