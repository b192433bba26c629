package com.propcloud.pms.asset.occupancy;

import static com.propcloud.pms.asset.registry.RegistryApi.assertNotFoundLikeMissing;
import static com.propcloud.pms.asset.registry.RegistryApi.body;
import static com.propcloud.pms.asset.registry.RegistryApi.hq;
import static com.propcloud.pms.asset.registry.RegistryApi.id;
import static com.propcloud.pms.asset.registry.RegistryApi.ids;
import static com.propcloud.pms.asset.registry.RegistryApi.problem;
import static com.propcloud.pms.asset.registry.RegistryApi.scoped;
import static com.propcloud.pms.asset.registry.RegistryApi.unique;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

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
import tools.jackson.databind.JsonNode;

/**
 * Occupants of a unit over HTTP: one current primary payer per unit, stays ended by move-out and kept
 * as history, people known only from user-service's events, scope and tenancy as 404, the events.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesPmsInfrastructure
class OccupancyApiIT {

    private static EventTap events;

    private final UUID tenant = UUID.randomUUID();

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    RegistryApi api;
    People people;
    String project;
    String unit;
    String occupants;

    @BeforeAll
    static void listen() {
        events = EventTap.bind("asset.occupancy.#", "asset.vehicle.#");
    }

    @AfterAll
    static void close() {
        events.close();
    }

    @BeforeEach
    void aUnit() throws Exception {
        api = new RegistryApi(port);
        people = new People(events, dataSource);
        project = api.project(hq(tenant), unique("O-"));
        String building = api.building(hq(tenant), project, "1", 10, 0);
        unit = api.unit(hq(tenant), building, "101", 1, "OCCUPIED");
        occupants = "/api/v1/units/" + unit + "/occupants";
    }

    private JsonNode link(UUID person, String role, boolean primaryPayer, String moveIn) throws Exception {
        return api.created(occupants, hq(tenant), linkJson(person, role, primaryPayer, moveIn));
    }

    private static String linkJson(UUID person, String role, boolean primaryPayer, String moveIn) {
        return "{\"personId\":\"%s\",\"role\":\"%s\",\"primaryPayer\":%s,\"moveIn\":\"%s\"}"
                .formatted(person, role, primaryPayer, moveIn);
    }

    /** Finding units by who lives in them (GET /api/v1/units/by-occupant). */
    @Nested
    class ByOccupant {

        private static final String SEARCH = "/api/v1/units/by-occupant";

        @Test
        void findsTheUnitByPartOfACurrentOccupantsNameOrByTheirId() throws Exception {
            UUID zhang = people.person(tenant, "张伟");
            link(zhang, "OWNER", true, "2025-07-01");
            link(people.person(tenant, "王芳"), "FAMILY", false, "2025-07-01");

            JsonNode byName =
                    body(api.get(SEARCH + "?name=" + java.net.URLEncoder.encode("伟", UTF_8), hq(tenant)), 200);
            assertThat(byName.path("totalElements").asLong()).isEqualTo(1);
            JsonNode found = byName.path("content").get(0);
            assertThat(found.path("unitId").asString()).isEqualTo(unit);
            assertThat(found.path("personName").asString()).isEqualTo("张*");
            assertThat(found.path("primaryPayer").asBoolean()).isTrue();

            JsonNode byId = body(api.get(SEARCH + "?personId=" + zhang, hq(tenant)), 200);
            assertThat(byId.path("content").get(0).path("unitId").asString()).isEqualTo(unit);
        }

        @Test
        void aPastStayAnotherProjectAndAnotherTenantFindNothing() throws Exception {
            UUID zhang = people.person(tenant, "张伟");
            String stay = id(link(zhang, "OWNER", true, "2020-01-01"));
            String query = SEARCH + "?personId=" + zhang;

            assertThat(body(api.get(query, scoped(tenant, "PROJECT_MANAGER", UUID.randomUUID())), 200)
                            .path("totalElements")
                            .asLong())
                    .isZero();
            assertThat(body(api.get(query, hq(UUID.randomUUID())), 200)
                            .path("totalElements")
                            .asLong())
                    .isZero();
            body(api.post(occupants + "/" + stay + "/end", hq(tenant), "{\"moveOut\":\"2025-06-30\"}"), 200);
            assertThat(body(api.get(query, hq(tenant)), 200)
                            .path("totalElements")
                            .asLong())
                    .isZero();
        }

        @Test
        void withNeitherANameNorAPersonIdIsABadRequest() throws Exception {
            problem(api.get(SEARCH, hq(tenant)), 400, "validation-failed");
        }
    }

    @Nested
    class PrimaryPayer {

        @Test
        void aSecondCurrentPrimaryPayerIsAConflict() throws Exception {
            link(people.person(tenant, "张伟"), "OWNER", true, "2025-07-01");
            UUID spouse = people.person(tenant, "王芳");

            problem(
                    api.post(occupants, hq(tenant), linkJson(spouse, "CO_OWNER", true, "2025-07-01")),
                    409,
                    OccupancyCodes.PRIMARY_PAYER_TAKEN);
            assertThat(api.post(occupants, hq(tenant), linkJson(spouse, "CO_OWNER", false, "2025-07-01"))
                            .statusCode())
                    .isEqualTo(201);
        }

        @Test
        void aNewPrimaryPayerMayFollowOnceTheFormerHasMovedOut() throws Exception {
            String former = id(link(people.person(tenant, "张伟"), "OWNER", true, "2020-01-01"));
            body(api.post(occupants + "/" + former + "/end", hq(tenant), "{\"moveOut\":\"2025-06-30\"}"), 200);

            JsonNode buyer = link(people.person(tenant, "赵强"), "OWNER", true, "2025-07-01");

            assertThat(buyer.path("primaryPayer").asBoolean()).isTrue();
        }

        @Test
        void everyUnitHasItsOwnPrimaryPayer() throws Exception {
            UUID owner = people.person(tenant, "张伟");
            link(owner, "OWNER", true, "2025-07-01");
            String building = api.building(hq(tenant), project, "2", 5, 0);
            String other = api.unit(hq(tenant), building, "201", 2, "OCCUPIED");

            assertThat(api.post(
                                    "/api/v1/units/" + other + "/occupants",
                                    hq(tenant),
                                    linkJson(owner, "OWNER", true, "2025-07-01"))
                            .statusCode())
                    .isEqualTo(201);
        }
    }

    @Nested
    class History {

        @Test
        void endingAStaySetsItsMoveOutAndKeepsItInThePast() throws Exception {
            UUID tenantPerson = people.person(tenant, "孙丽");
            String stay = id(link(tenantPerson, "TENANT", false, "2024-03-01"));

            JsonNode ended =
                    body(api.post(occupants + "/" + stay + "/end", hq(tenant), "{\"moveOut\":\"2025-02-28\"}"), 200);
            String again = id(link(tenantPerson, "TENANT", false, "2025-09-01"));

            assertThat(ended.path("moveOut").asString()).isEqualTo("2025-02-28");
            assertThat(ended.path("current").asBoolean()).isFalse();
            assertThat(ids(body(api.get(occupants, hq(tenant)), 200))).containsExactly(again, stay);
            assertThat(ids(body(api.get(occupants + "?period=CURRENT", hq(tenant)), 200)))
                    .containsExactly(again);
            assertThat(ids(body(api.get(occupants + "?period=past", hq(tenant)), 200)))
                    .containsExactly(stay);
        }

        @Test
        void anEndedStayCannotBeEndedAgainOnAnotherDate() throws Exception {
            String stay = id(link(people.person(tenant, "孙丽"), "FAMILY", false, "2024-03-01"));
            api.post(occupants + "/" + stay + "/end", hq(tenant), "{\"moveOut\":\"2025-02-28\"}");

            // the same end again is a retry, answered with the stay as it is
            body(api.post(occupants + "/" + stay + "/end", hq(tenant), "{\"moveOut\":\"2025-02-28\"}"), 200);

            problem(
                    api.post(occupants + "/" + stay + "/end", hq(tenant), "{\"moveOut\":\"2025-03-31\"}"),
                    409,
                    OccupancyCodes.ALREADY_ENDED);
        }

        @Test
        void aMoveOutBeforeTheMoveInIsRefused() throws Exception {
            String stay = id(link(people.person(tenant, "孙丽"), "FAMILY", false, "2024-03-01"));

            problem(
                    api.post(occupants + "/" + stay + "/end", hq(tenant), "{\"moveOut\":\"2024-02-28\"}"),
                    422,
                    OccupancyCodes.PERIOD_INVALID);
        }

        @Test
        void aPersonHoldsAUnitOnceAtATime() throws Exception {
            UUID person = people.person(tenant, "孙丽");
            link(person, "FAMILY", false, "2024-03-01");

            problem(
                    api.post(occupants, hq(tenant), linkJson(person, "TENANT", false, "2024-04-01")),
                    409,
                    OccupancyCodes.ALREADY_LINKED);
        }

        @Test
        void aUnitWithOccupantsCannotBeDeleted() throws Exception {
            link(people.person(tenant, "孙丽"), "OWNER", true, "2024-03-01");

            problem(api.delete("/api/v1/units/" + unit, hq(tenant)), 409, OccupancyCodes.UNIT_HAS_OCCUPANTS);
        }
    }

    @Test
    void linkingAPersonAssetServiceDoesNotKnowIsUnprocessable() throws Exception {
        problem(
                api.post(occupants, hq(tenant), linkJson(UUID.randomUUID(), "OWNER", true, "2025-07-01")),
                422,
                OccupancyCodes.PERSON_NOT_FOUND);
    }

    @Test
    void theListShowsTheMaskedNameNeverThePhone() throws Exception {
        link(people.person(tenant, "张伟"), "OWNER", true, "2025-07-01");

        JsonNode listed =
                body(api.get(occupants, hq(tenant)), 200).path("content").get(0);

        assertThat(listed.path("personName").asString()).isEqualTo("张*");
        // neither a phone nor its masked form (ids are hex and may hold "139" by chance: match the shape,
        // standing alone, so that no run of digits inside an id matches either)
        assertThat(listed.toString())
                .doesNotContainPattern("(?<![0-9a-f])1[3-9][0-9](\\*{4}|[0-9]{4})[0-9]{4}(?![0-9a-f])");
    }

    @Test
    void anotherTenantsOrProjectsUnitIsNotFoundLikeAMissingOne() throws Exception {
        link(people.person(tenant, "张伟"), "OWNER", true, "2025-07-01");
        String missing = "/api/v1/units/" + UUID.randomUUID() + "/occupants";
        String otherTenant = hq(UUID.randomUUID());
        String otherProject = scoped(tenant, "PROJECT_MANAGER", UUID.randomUUID());

        assertNotFoundLikeMissing(api.get(occupants, otherTenant), api.get(missing, otherTenant), unit);
        assertNotFoundLikeMissing(api.get(occupants, otherProject), api.get(missing, otherProject), unit);
        assertThat(api.get(occupants, scoped(tenant, "FINANCE", UUID.fromString(project)))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void onlyTheOwnerDeskLinks() throws Exception {
        UUID person = people.person(tenant, "张伟");

        assertThat(api.post(
                                occupants,
                                scoped(tenant, "TECHNICIAN", UUID.fromString(project)),
                                linkJson(person, "OWNER", true, "2025-07-01"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(api.post(
                                occupants,
                                scoped(tenant, "FRONT_DESK", UUID.fromString(project)),
                                linkJson(person, "OWNER", true, "2025-07-01"))
                        .statusCode())
                .isEqualTo(201);
    }

    @Test
    void startingAndEndingAStayLeaveTheirEvents() throws Exception {
        UUID person = people.person(tenant, "张伟");
        String stay = id(link(person, "OWNER", true, "2025-07-01"));
        api.post(occupants + "/" + stay + "/end", hq(tenant), "{\"moveOut\":\"2026-10-31\"}");

        JsonNode started = events.await(EventTap.event("asset.occupancy.started", stay));
        JsonNode ended = events.await(EventTap.event("asset.occupancy.ended", stay));

        EventTap.assertSameShape(started, EventTap.golden("asset.occupancy.started.v1.json"));
        EventTap.assertSameShape(ended, EventTap.golden("asset.occupancy.ended.v1.json"));
        assertThat(started.path("tenantId").asString()).isEqualTo(tenant.toString());
        assertThat(started.path("projectId").asString()).isEqualTo(project);
        assertThat(started.path("payload").path("personId").asString()).isEqualTo(person.toString());
        assertThat(started.path("payload").path("primaryPayer").asBoolean()).isTrue();
        assertThat(ended.path("payload").path("moveOut").asString()).isEqualTo("2026-10-31");
    }

    @Nested
    class Vehicles {

        @Test
        void ordinaryAndNewEnergyPlatesAreRegisteredNormalised() throws Exception {
            UUID person = people.person(tenant, "张伟");
            link(person, "OWNER", true, "2025-07-01");
            String vehicles = "/api/v1/units/" + unit + "/vehicles";

            JsonNode ordinary = api.created(vehicles, hq(tenant), "{\"plate\":\"粤b·12345\"}");
            JsonNode electric =
                    api.created(vehicles, hq(tenant), "{\"plate\":\"京AD12345\",\"personId\":\"" + person + "\"}");

            assertThat(ordinary.path("plate").asString()).isEqualTo("粤B12345");
            assertThat(electric.path("personId").asString()).isEqualTo(person.toString());
            assertThat(ids(body(api.get(vehicles, hq(tenant)), 200)))
                    .containsExactlyInAnyOrder(id(electric), id(ordinary));
        }

        @Test
        void registeringAndRemovingAVehicleLeaveTheirEvents() throws Exception {
            UUID person = people.person(tenant, "张伟");
            link(person, "OWNER", true, "2025-07-01");
            String vehicles = "/api/v1/units/" + unit + "/vehicles";
            String vehicle =
                    id(api.created(vehicles, hq(tenant), "{\"plate\":\"浙A12345\",\"personId\":\"" + person + "\"}"));
            assertThat(api.delete(vehicles + "/" + vehicle, hq(tenant)).statusCode())
                    .isEqualTo(204);

            JsonNode registered = events.await(EventTap.event("asset.vehicle.registered", vehicle));
            JsonNode removed = events.await(EventTap.event("asset.vehicle.removed", vehicle));

            EventTap.assertSameShape(registered, EventTap.golden("asset.vehicle.registered.v1.json"));
            EventTap.assertSameShape(removed, EventTap.golden("asset.vehicle.removed.v1.json"));
            assertThat(registered.path("tenantId").asString()).isEqualTo(tenant.toString());
            assertThat(registered.path("projectId").asString()).isEqualTo(project);
            assertThat(registered.path("payload").path("plate").asString()).isEqualTo("浙A12345");
            assertThat(registered.path("payload").path("personId").asString()).isEqualTo(person.toString());
            assertThat(removed.path("payload").path("unitId").asString()).isEqualTo(unit);
        }

        @Test
        void aMalformedPlateIsUnprocessableAndATakenOneAConflict() throws Exception {
            String vehicles = "/api/v1/units/" + unit + "/vehicles";
            api.created(vehicles, hq(tenant), "{\"plate\":\"沪C88888\"}");

            problem(api.post(vehicles, hq(tenant), "{\"plate\":\"AB12345\"}"), 422, OccupancyCodes.PLATE_INVALID);
            problem(api.post(vehicles, hq(tenant), "{\"plate\":\"沪C88888\"}"), 409, OccupancyCodes.PLATE_TAKEN);
        }

        @Test
        void aUnitWithVehiclesCannotBeDeletedUntilTheyAreRemoved() throws Exception {
            String vehicles = "/api/v1/units/" + unit + "/vehicles";
            String vehicle = id(api.created(vehicles, hq(tenant), "{\"plate\":\"鄂A12345\"}"));

            problem(api.delete("/api/v1/units/" + unit, hq(tenant)), 409, OccupancyCodes.UNIT_HAS_VEHICLES);
            assertThat(api.delete(vehicles + "/" + vehicle, hq(tenant)).statusCode())
                    .isEqualTo(204);
            assertThat(api.delete("/api/v1/units/" + unit, hq(tenant)).statusCode())
                    .isEqualTo(204);
        }

        @Test
        void aVehiclesPersonMustHoldTheUnit() throws Exception {
            UUID stranger = people.person(tenant, "路人");

            problem(
                    api.post(
                            "/api/v1/units/" + unit + "/vehicles",
                            hq(tenant),
                            "{\"plate\":\"川A12345\",\"personId\":\"" + stranger + "\"}"),
                    422,
                    OccupancyCodes.VEHICLE_PERSON_NOT_OCCUPANT);
        }
    }
}
