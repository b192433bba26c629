package com.propcloud.pms.asset.registry;

import static com.propcloud.pms.asset.registry.RegistryApi.assertNotFoundLikeMissing;
import static com.propcloud.pms.asset.registry.RegistryApi.body;
import static com.propcloud.pms.asset.registry.RegistryApi.hq;
import static com.propcloud.pms.asset.registry.RegistryApi.id;
import static com.propcloud.pms.asset.registry.RegistryApi.ids;
import static com.propcloud.pms.asset.registry.RegistryApi.owner;
import static com.propcloud.pms.asset.registry.RegistryApi.problem;
import static com.propcloud.pms.asset.registry.RegistryApi.scoped;
import static com.propcloud.pms.asset.registry.RegistryApi.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.propcloud.pms.test.UsesPmsInfrastructure;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Projects and regions over HTTP: HQ shapes the portfolio, other staff read the projects their token
 * names, and anything else (another tenant's, another project's) is not found like a missing id.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesPmsInfrastructure
class ProjectApiIT {

    private final UUID tenant = UUID.randomUUID();
    private final UUID otherTenant = UUID.randomUUID();

    @LocalServerPort
    int port;

    RegistryApi api;

    @BeforeEach
    void api() {
        api = new RegistryApi(port);
    }

    @Test
    void createdProjectCanBeReadBackWithEveryField() throws Exception {
        String code = unique("SH-");
        JsonNode created = api.created("/api/v1/projects", hq(tenant), """
                {"code":"%s","name":"Sunny Garden","type":"APARTMENT","address":"1 Bund Rd",
                 "latitude":31.230416,"longitude":121.473701,"totalFloorArea":125000.50,
                 "contractStart":"2026-01-01","contractEnd":"2028-12-31","status":"PREPARING"}""".formatted(code));

        JsonNode fetched = body(api.get("/api/v1/projects/" + id(created), hq(tenant)), 200);

        assertThat(fetched.path("code").asString()).isEqualTo(code);
        assertThat(fetched.path("type").asString()).isEqualTo("APARTMENT");
        assertThat(fetched.path("status").asString()).isEqualTo("PREPARING");
        assertThat(fetched.path("totalFloorArea").decimalValue()).isEqualByComparingTo("125000.50");
        assertThat(fetched.path("latitude").decimalValue()).isEqualByComparingTo("31.230416");
        assertThat(fetched.path("contractEnd").asString()).isEqualTo("2028-12-31");
    }

    @Test
    void listFiltersSortsAndPages() throws Exception {
        String a = api.project(hq(tenant), unique("A-"));
        String b = id(api.created(
                "/api/v1/projects",
                hq(tenant),
                "{\"code\":\"%s\",\"name\":\"Office\",\"type\":\"OFFICE\",\"status\":\"EXITED\"}"
                        .formatted(unique("B-"))));

        JsonNode offices = body(api.get("/api/v1/projects?type=OFFICE&size=200", hq(tenant)), 200);
        JsonNode exited = body(api.get("/api/v1/projects?status=exited&size=200", hq(tenant)), 200);
        JsonNode byCodeDesc = body(api.get("/api/v1/projects?sort=code,desc&size=200", hq(tenant)), 200);
        JsonNode firstPage = body(api.get("/api/v1/projects?size=1&page=0&sort=code", hq(tenant)), 200);

        assertThat(ids(offices)).contains(b).doesNotContain(a);
        assertThat(ids(exited)).contains(b).doesNotContain(a);
        List<String> codes = byCodeDesc.path("content").findValuesAsString("code");
        assertThat(codes).isSortedAccordingTo((x, y) -> y.compareTo(x));
        assertThat(firstPage.path("content")).hasSize(1);
        assertThat(firstPage.path("totalElements").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(firstPage.path("totalPages").asInt()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void patchChangesOnlyTheGivenFields() throws Exception {
        String code = unique("C-");
        String id = api.project(hq(tenant), code);

        JsonNode changed = body(
                api.patch("/api/v1/projects/" + id, hq(tenant), "{\"name\":\"Renamed\",\"status\":\"EXITED\"}"), 200);

        assertThat(changed.path("name").asString()).isEqualTo("Renamed");
        assertThat(changed.path("status").asString()).isEqualTo("EXITED");
        assertThat(changed.path("code").asString()).isEqualTo(code);
        assertThat(changed.path("type").asString()).isEqualTo("RESIDENTIAL");
    }

    @Test
    void emptyProjectCanBeDeletedButNotOneWithBuildings() throws Exception {
        String empty = api.project(hq(tenant), unique("D-"));
        String full = api.project(hq(tenant), unique("E-"));
        api.building(hq(tenant), full, "1", 10, 0);

        assertThat(api.delete("/api/v1/projects/" + empty, hq(tenant)).statusCode())
                .isEqualTo(204);
        assertThat(api.get("/api/v1/projects/" + empty, hq(tenant)).statusCode())
                .isEqualTo(404);
        problem(api.delete("/api/v1/projects/" + full, hq(tenant)), 409, "project.has-buildings");
    }

    @Nested
    class Validation {

        @Test
        void codeIsUniquePerTenant() throws Exception {
            String code = unique("U-");
            api.project(hq(tenant), code);

            problem(api.post("/api/v1/projects", hq(tenant), projectJson(code)), 409, RegistryCodes.PROJECT_CODE_TAKEN);
            // another tenant may use the same code
            assertThat(api.post("/api/v1/projects", hq(otherTenant), projectJson(code))
                            .statusCode())
                    .isEqualTo(201);
        }

        @Test
        void renamingOntoAnotherProjectsCodeIsTaken() throws Exception {
            String code = unique("R-");
            api.project(hq(tenant), code);
            String other = api.project(hq(tenant), unique("S-"));

            problem(
                    api.patch("/api/v1/projects/" + other, hq(tenant), "{\"code\":\"" + code + "\"}"),
                    409,
                    RegistryCodes.PROJECT_CODE_TAKEN);
        }

        @Test
        void racingCreatesOfOneCodeLeaveOneProjectAndAConflictNeverA500() throws Exception {
            String code = unique("Race-");
            List<Callable<Integer>> creates = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                creates.add(() -> api.post("/api/v1/projects", hq(tenant), projectJson(code))
                        .statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            var pool = Executors.newFixedThreadPool(4);
            try {
                for (Future<Integer> status : pool.invokeAll(creates)) {
                    statuses.add(status.get());
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(statuses).containsOnlyOnce(201).containsOnly(201, 409);
        }

        @Test
        void missingFieldsAreListed() throws Exception {
            JsonNode problem = body(api.post("/api/v1/projects", hq(tenant), "{\"name\":\"\"}"), 400);
            assertThat(problem.path("code").asString()).isEqualTo("validation-failed");
            assertThat(problem.path("errors").findValuesAsString("field")).contains("code", "name", "type");
        }

        @Test
        void unknownTypeIsMalformed() throws Exception {
            problem(
                    api.post("/api/v1/projects", hq(tenant), "{\"code\":\"x1\",\"name\":\"x\",\"type\":\"CASTLE\"}"),
                    400,
                    "malformed-request");
        }

        @Test
        void contractCannotEndBeforeItStarts() throws Exception {
            problem(
                    api.post(
                            "/api/v1/projects",
                            hq(tenant),
                            "{\"code\":\"%s\",\"name\":\"x\",\"type\":\"OFFICE\",\"contractStart\":\"2027-01-01\",\"contractEnd\":\"2026-01-01\"}"
                                    .formatted(unique("K-"))),
                    422,
                    RegistryCodes.PROJECT_CONTRACT_PERIOD_INVALID);
        }

        @Test
        void unknownFilterValueAndSortFieldAreRefused() throws Exception {
            JsonNode type = body(api.get("/api/v1/projects?type=CASTLE", hq(tenant)), 400);
            JsonNode sort = body(api.get("/api/v1/projects?sort=tenantId", hq(tenant)), 400);
            assertThat(type.path("errors").findValuesAsString("field")).containsExactly("type");
            assertThat(sort.path("errors").findValuesAsString("field")).containsExactly("sort");
        }

        @Test
        void regionMustExistInTheTenant() throws Exception {
            String foreignRegion = id(api.created(
                    "/api/v1/projects/regions", hq(otherTenant), "{\"name\":\"" + unique("North ") + "\"}"));
            problem(
                    api.post(
                            "/api/v1/projects",
                            hq(tenant),
                            "{\"code\":\"%s\",\"name\":\"x\",\"type\":\"OFFICE\",\"regionId\":\"%s\"}"
                                    .formatted(unique("G-"), foreignRegion)),
                    422,
                    RegistryCodes.PROJECT_REGION_NOT_FOUND);
        }
    }

    @Nested
    class Regions {

        @Test
        void regionGroupsProjectsAndCannotBeDeletedWhileItDoes() throws Exception {
            String name = unique("East ");
            String region = id(api.created("/api/v1/projects/regions", hq(tenant), "{\"name\":\"" + name + "\"}"));
            String project = id(api.created(
                    "/api/v1/projects",
                    hq(tenant),
                    "{\"code\":\"%s\",\"name\":\"x\",\"type\":\"OFFICE\",\"regionId\":\"%s\"}"
                            .formatted(unique("H-"), region)));

            assertThat(ids(body(api.get("/api/v1/projects?regionId=" + region, hq(tenant)), 200)))
                    .containsExactly(project);
            problem(
                    api.post("/api/v1/projects/regions", hq(tenant), "{\"name\":\"" + name + "\"}"),
                    409,
                    RegistryCodes.REGION_NAME_TAKEN);
            problem(
                    api.delete("/api/v1/projects/regions/" + region, hq(tenant)),
                    409,
                    RegistryCodes.REGION_HAS_PROJECTS);
        }

        @Test
        void everyStaffMemberReadsRegionsButOnlyHqChangesThem() throws Exception {
            String region =
                    id(api.created("/api/v1/projects/regions", hq(tenant), "{\"name\":\"" + unique("West ") + "\"}"));
            String pm = scoped(tenant, "PROJECT_MANAGER", UUID.randomUUID());

            assertThat(ids(body(api.get("/api/v1/projects/regions?size=200", pm), 200)))
                    .contains(region);
            assertThat(api.patch("/api/v1/projects/regions/" + region, pm, "{\"name\":\"Mine\"}")
                            .statusCode())
                    .isEqualTo(403);
            assertThat(body(api.patch("/api/v1/projects/regions/" + region, hq(tenant), "{\"name\":\"Renamed\"}"), 200)
                            .path("name")
                            .asString())
                    .isEqualTo("Renamed");
            assertThat(api.delete("/api/v1/projects/regions/" + region, hq(tenant))
                            .statusCode())
                    .isEqualTo(204);
            assertNotFoundLikeMissing(
                    api.get("/api/v1/projects/regions/" + region, hq(tenant)),
                    api.get("/api/v1/projects/regions/" + UUID.randomUUID(), hq(tenant)),
                    region);
        }
    }

    @Nested
    class Scope {

        @Test
        void anotherTenantsProjectIsNotFoundLikeAMissingOne() throws Exception {
            String id = api.project(hq(tenant), unique("T-"));

            assertNotFoundLikeMissing(
                    api.get("/api/v1/projects/" + id, hq(otherTenant)),
                    api.get("/api/v1/projects/" + UUID.randomUUID(), hq(otherTenant)),
                    id);
            assertThat(api.patch("/api/v1/projects/" + id, hq(otherTenant), "{\"name\":\"x\"}")
                            .statusCode())
                    .isEqualTo(404);
            assertThat(api.delete("/api/v1/projects/" + id, hq(otherTenant)).statusCode())
                    .isEqualTo(404);
            assertThat(ids(body(api.get("/api/v1/projects?size=200", hq(otherTenant)), 200)))
                    .doesNotContain(id);
        }

        @Test
        void projectManagerSeesOnlyTheProjectsInTheirToken() throws Exception {
            String mine = api.project(hq(tenant), unique("M-"));
            String theirs = api.project(hq(tenant), unique("N-"));
            String pm = scoped(tenant, "PROJECT_MANAGER", UUID.fromString(mine));

            JsonNode page = body(api.get("/api/v1/projects?size=200", pm), 200);

            assertThat(ids(page)).containsExactly(mine);
            assertThat(page.path("totalElements").asLong()).isEqualTo(1);
            assertThat(api.get("/api/v1/projects/" + mine, pm).statusCode()).isEqualTo(200);
            assertNotFoundLikeMissing(
                    api.get("/api/v1/projects/" + theirs, pm),
                    api.get("/api/v1/projects/" + UUID.randomUUID(), pm),
                    theirs);
        }

        @Test
        void scopedRoleWithoutProjectsSeesNothing() throws Exception {
            api.project(hq(tenant), unique("Z-"));
            String unscoped = com.propcloud.pms.test.TestJwks.get().staffToken(tenant, "demo", "FRONT_DESK");
            assertThat(ids(body(api.get("/api/v1/projects?size=200", unscoped), 200)))
                    .isEmpty();
        }

        @Test
        void onlyHqShapesProjects() throws Exception {
            String id = api.project(hq(tenant), unique("O-"));
            String pm = scoped(tenant, "PROJECT_MANAGER", UUID.fromString(id));

            problem(api.post("/api/v1/projects", pm, projectJson(unique("P-"))), 403, "auth.forbidden");
            problem(api.patch("/api/v1/projects/" + id, pm, "{\"name\":\"x\"}"), 403, "auth.forbidden");
            problem(api.delete("/api/v1/projects/" + id, pm), 403, "auth.forbidden");
        }

        @Test
        void ownersGetNothingHere() throws Exception {
            problem(api.get("/api/v1/projects", owner(tenant)), 403, "auth.forbidden");
            problem(api.get("/api/v1/projects/regions", owner(tenant)), 403, "auth.forbidden");
        }
    }

    private static String projectJson(String code) {
        return "{\"code\":\"" + code + "\",\"name\":\"x\",\"type\":\"RESIDENTIAL\"}";
    }
}
