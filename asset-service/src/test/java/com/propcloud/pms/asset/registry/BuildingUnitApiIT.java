package com.propcloud.pms.asset.registry;

import static com.propcloud.pms.asset.registry.RegistryApi.assertNotFoundLikeMissing;
import static com.propcloud.pms.asset.registry.RegistryApi.body;
import static com.propcloud.pms.asset.registry.RegistryApi.hq;
import static com.propcloud.pms.asset.registry.RegistryApi.id;
import static com.propcloud.pms.asset.registry.RegistryApi.ids;
import static com.propcloud.pms.asset.registry.RegistryApi.problem;
import static com.propcloud.pms.asset.registry.RegistryApi.scoped;
import static com.propcloud.pms.asset.registry.RegistryApi.unique;
import static com.propcloud.pms.asset.registry.RegistryApi.unitJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.propcloud.pms.test.UsesPmsInfrastructure;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Buildings and units over HTTP: their rules (codes and numbers unique where they live, floors within
 * the building, sane areas), each answered with its own code and never a 500, and their scope: a
 * project manager registers and reads within their projects only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesPmsInfrastructure
class BuildingUnitApiIT {

    private final UUID tenant = UUID.randomUUID();

    @LocalServerPort
    int port;

    RegistryApi api;
    String project;
    String building;

    @BeforeEach
    void aProjectWithABuilding() throws Exception {
        api = new RegistryApi(port);
        project = api.project(hq(tenant), unique("P-"));
        // floors -2..-1 and 1..10
        building = api.building(hq(tenant), project, "1", 10, 2);
    }

    @Test
    void unitCanBeCreatedReadChangedAndDeleted() throws Exception {
        JsonNode created = api.created("/api/v1/units", hq(tenant), """
                {"buildingId":"%s","number":"1203","floor":10,"entrance":"2","type":"APARTMENT",
                 "grossArea":"89.50","innerArea":72.3,"status":"OCCUPIED","handoverDate":"2025-06-30"}""".formatted(building));
        String id = id(created);

        assertThat(created.path("projectId").asString()).isEqualTo(project);
        assertThat(created.path("grossArea").decimalValue()).isEqualByComparingTo("89.50");
        JsonNode changed =
                body(api.patch("/api/v1/units/" + id, hq(tenant), "{\"status\":\"RENTED\",\"floor\":-2}"), 200);
        assertThat(changed.path("status").asString()).isEqualTo("RENTED");
        assertThat(changed.path("floor").asInt()).isEqualTo(-2);
        assertThat(changed.path("number").asString()).isEqualTo("1203");
        assertThat(api.delete("/api/v1/units/" + id, hq(tenant)).statusCode()).isEqualTo(204);
        assertThat(api.get("/api/v1/units/" + id, hq(tenant)).statusCode()).isEqualTo(404);
    }

    @Test
    void unitsFilterByBuildingStatusTypeAndNumberPrefix() throws Exception {
        String other = api.building(hq(tenant), project, "2", 5, 0);
        String u101 = api.unit(hq(tenant), building, "101", 1, "VACANT");
        String u102 = api.unit(hq(tenant), building, "102", 1, "OCCUPIED");
        String u201 = api.unit(hq(tenant), building, "201", 2, "OCCUPIED");
        String shop = id(api.created(
                "/api/v1/units",
                hq(tenant),
                "{\"buildingId\":\"%s\",\"number\":\"S1\",\"floor\":1,\"type\":\"SHOP\",\"grossArea\":40}"
                        .formatted(other)));

        assertThat(ids(body(api.get("/api/v1/units?buildingId=" + building + "&size=200", hq(tenant)), 200)))
                .containsExactly(u101, u102, u201);
        assertThat(ids(body(api.get("/api/v1/units?projectId=" + project + "&status=OCCUPIED", hq(tenant)), 200)))
                .containsExactlyInAnyOrder(u102, u201);
        assertThat(ids(body(api.get("/api/v1/units?projectId=" + project + "&type=SHOP", hq(tenant)), 200)))
                .containsExactly(shop);
        assertThat(ids(body(api.get("/api/v1/units?buildingId=" + building + "&numberPrefix=10", hq(tenant)), 200)))
                .containsExactly(u101, u102);
        // wildcards in the prefix match only themselves
        assertThat(ids(body(api.get("/api/v1/units?projectId=" + project + "&numberPrefix=%25", hq(tenant)), 200)))
                .isEmpty();
        JsonNode paged = body(
                api.get("/api/v1/units?buildingId=" + building + "&sort=number,desc&size=2&page=1", hq(tenant)), 200);
        assertThat(ids(paged)).containsExactly(u101);
        assertThat(paged.path("totalElements").asLong()).isEqualTo(3);
        assertThat(paged.path("totalPages").asInt()).isEqualTo(2);
    }

    @Test
    void buildingsFilterByProjectAndDeleteOnlyWhenEmpty() throws Exception {
        String otherProject = api.project(hq(tenant), unique("Q-"));
        String elsewhere = api.building(hq(tenant), otherProject, "1", 3, 0);
        api.unit(hq(tenant), building, "101", 1, "VACANT");

        assertThat(ids(body(api.get("/api/v1/buildings?projectId=" + project, hq(tenant)), 200)))
                .containsExactly(building)
                .doesNotContain(elsewhere);
        problem(api.delete("/api/v1/buildings/" + building, hq(tenant)), 409, RegistryCodes.BUILDING_HAS_UNITS);
        assertThat(api.delete("/api/v1/buildings/" + elsewhere, hq(tenant)).statusCode())
                .isEqualTo(204);
    }

    @Nested
    class Rules {

        @Test
        void buildingCodeIsUniquePerProject() throws Exception {
            problem(
                    api.post(
                            "/api/v1/buildings",
                            hq(tenant),
                            "{\"projectId\":\"%s\",\"code\":\"1\",\"name\":\"Again\",\"floorsAbove\":3}"
                                    .formatted(project)),
                    409,
                    RegistryCodes.BUILDING_CODE_TAKEN);
            String otherProject = api.project(hq(tenant), unique("Q-"));
            api.building(hq(tenant), otherProject, "1", 3, 0);
        }

        @Test
        void unitNumberIsUniquePerBuilding() throws Exception {
            api.unit(hq(tenant), building, "301", 3, "VACANT");
            problem(
                    api.post("/api/v1/units", hq(tenant), unitJson(building, "301", 3, "50", "VACANT")),
                    409,
                    RegistryCodes.UNIT_NUMBER_TAKEN);
            String other = api.building(hq(tenant), project, "2", 5, 0);
            api.unit(hq(tenant), other, "301", 3, "VACANT");
        }

        @Test
        void floorMustLieWithinTheBuilding() throws Exception {
            for (int floor : new int[] {0, 11, -3}) {
                problem(
                        api.post("/api/v1/units", hq(tenant), unitJson(building, "F" + floor, floor, "50", "VACANT")),
                        422,
                        RegistryCodes.UNIT_FLOOR_OUT_OF_RANGE);
            }
            String unit = api.unit(hq(tenant), building, "B201", -2, "VACANT");
            problem(
                    api.patch("/api/v1/units/" + unit, hq(tenant), "{\"floor\":12}"),
                    422,
                    RegistryCodes.UNIT_FLOOR_OUT_OF_RANGE);
        }

        @Test
        void buildingCannotShrinkBelowItsUnits() throws Exception {
            api.unit(hq(tenant), building, "1001", 10, "VACANT");
            // no service check: the database's trigger answers, mapped to its code
            problem(
                    api.patch("/api/v1/buildings/" + building, hq(tenant), "{\"floorsAbove\":9}"),
                    409,
                    RegistryCodes.BUILDING_FLOORS_EXCLUDE_UNITS);
            assertThat(api.patch("/api/v1/buildings/" + building, hq(tenant), "{\"floorsAbove\":12}")
                            .statusCode())
                    .isEqualTo(200);
        }

        @Test
        void areasArePositiveWithTwoDecimalsAndInnerWithinGross() throws Exception {
            for (String gross : new String[] {"0", "-5", "12.345"}) {
                problem(
                        api.post("/api/v1/units", hq(tenant), unitJson(building, unique("A"), 1, gross, "VACANT")),
                        422,
                        RegistryCodes.UNIT_AREA_INVALID);
            }
            problem(
                    api.post(
                            "/api/v1/units",
                            hq(tenant),
                            "{\"buildingId\":\"%s\",\"number\":\"X1\",\"floor\":1,\"type\":\"OFFICE\",\"grossArea\":50,\"innerArea\":50.01}"
                                    .formatted(building)),
                    422,
                    RegistryCodes.UNIT_AREA_INVALID);
        }

        @Test
        void missingFieldsAreListed() throws Exception {
            JsonNode problem = body(api.post("/api/v1/units", hq(tenant), "{\"number\":\"\"}"), 400);
            assertThat(problem.path("errors").findValuesAsString("field"))
                    .contains("buildingId", "number", "floor", "type", "grossArea");
            JsonNode building = body(api.post("/api/v1/buildings", hq(tenant), "{\"floorsAbove\":0}"), 400);
            assertThat(building.path("errors").findValuesAsString("field"))
                    .contains("projectId", "code", "name", "floorsAbove");
        }

        @Test
        void unknownParentsAreUnprocessable() throws Exception {
            problem(
                    api.post(
                            "/api/v1/buildings",
                            hq(tenant),
                            "{\"projectId\":\"%s\",\"code\":\"9\",\"name\":\"x\",\"floorsAbove\":3}"
                                    .formatted(UUID.randomUUID())),
                    422,
                    RegistryCodes.BUILDING_PROJECT_NOT_FOUND);
            problem(
                    api.post(
                            "/api/v1/units",
                            hq(tenant),
                            unitJson(UUID.randomUUID().toString(), "1", 1, "5", "VACANT")),
                    422,
                    RegistryCodes.UNIT_BUILDING_NOT_FOUND);
        }

        @Test
        void unknownStatusFilterIsRefused() throws Exception {
            JsonNode problem = body(api.get("/api/v1/units?status=HAUNTED", hq(tenant)), 400);
            assertThat(problem.path("errors").findValuesAsString("field")).containsExactly("status");
        }
    }

    @Nested
    class Scope {

        @Test
        void projectManagerRegistersAndReadsWithinTheirProjectOnly() throws Exception {
            String pm = scoped(tenant, "PROJECT_MANAGER", UUID.fromString(project));
            String otherProject = api.project(hq(tenant), unique("Q-"));
            String otherBuilding = api.building(hq(tenant), otherProject, "1", 3, 0);
            String otherUnit = api.unit(hq(tenant), otherBuilding, "101", 1, "VACANT");

            String own = api.building(pm, project, "7", 6, 0);
            String ownUnit = api.unit(pm, own, "601", 6, "VACANT");

            assertThat(ids(body(api.get("/api/v1/buildings?size=200", pm), 200)))
                    .containsExactlyInAnyOrder(building, own);
            assertThat(ids(body(api.get("/api/v1/units?size=200", pm), 200))).containsExactly(ownUnit);
            assertThat(ids(body(api.get("/api/v1/units?projectId=" + otherProject, pm), 200)))
                    .isEmpty();
            assertNotFoundLikeMissing(
                    api.get("/api/v1/buildings/" + otherBuilding, pm),
                    api.get("/api/v1/buildings/" + UUID.randomUUID(), pm),
                    otherBuilding);
            assertNotFoundLikeMissing(
                    api.get("/api/v1/units/" + otherUnit, pm),
                    api.get("/api/v1/units/" + UUID.randomUUID(), pm),
                    otherUnit);
            assertThat(api.patch("/api/v1/units/" + otherUnit, pm, "{\"status\":\"RENTED\"}")
                            .statusCode())
                    .isEqualTo(404);
            assertThat(api.delete("/api/v1/buildings/" + otherBuilding, pm).statusCode())
                    .isEqualTo(404);
            problem(
                    api.post(
                            "/api/v1/buildings",
                            pm,
                            "{\"projectId\":\"%s\",\"code\":\"8\",\"name\":\"x\",\"floorsAbove\":3}"
                                    .formatted(otherProject)),
                    422,
                    RegistryCodes.BUILDING_PROJECT_NOT_FOUND);
            problem(
                    api.post("/api/v1/units", pm, unitJson(otherBuilding, "102", 1, "5", "VACANT")),
                    422,
                    RegistryCodes.UNIT_BUILDING_NOT_FOUND);
        }

        @Test
        void otherStaffReadTheirProjectButCannotRegister() throws Exception {
            String desk = scoped(tenant, "FRONT_DESK", UUID.fromString(project));
            String unit = api.unit(hq(tenant), building, "105", 1, "VACANT");

            assertThat(api.get("/api/v1/units/" + unit, desk).statusCode()).isEqualTo(200);
            problem(
                    api.post("/api/v1/units", desk, unitJson(building, "106", 1, "5", "VACANT")),
                    403,
                    "auth.forbidden");
            problem(api.patch("/api/v1/units/" + unit, desk, "{\"status\":\"RENTED\"}"), 403, "auth.forbidden");
        }

        @Test
        void anotherTenantsBuildingsAndUnitsAreNotFound() throws Exception {
            UUID other = UUID.randomUUID();
            String unit = api.unit(hq(tenant), building, "109", 1, "VACANT");

            assertNotFoundLikeMissing(
                    api.get("/api/v1/buildings/" + building, hq(other)),
                    api.get("/api/v1/buildings/" + UUID.randomUUID(), hq(other)),
                    building);
            assertNotFoundLikeMissing(
                    api.get("/api/v1/units/" + unit, hq(other)),
                    api.get("/api/v1/units/" + UUID.randomUUID(), hq(other)),
                    unit);
            assertThat(api.delete("/api/v1/units/" + unit, hq(other)).statusCode())
                    .isEqualTo(404);
            problem(
                    api.post("/api/v1/units", hq(other), unitJson(building, "110", 1, "5", "VACANT")),
                    422,
                    RegistryCodes.UNIT_BUILDING_NOT_FOUND);
        }
    }
}
