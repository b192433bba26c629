package com.propcloud.pms.asset.registry;

import static com.propcloud.pms.asset.registry.RegistryApi.body;
import static com.propcloud.pms.asset.registry.RegistryApi.hq;
import static com.propcloud.pms.asset.registry.RegistryApi.scoped;
import static com.propcloud.pms.asset.registry.RegistryApi.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.propcloud.pms.common.tenant.TenantContext;
import com.propcloud.pms.test.UsesPmsInfrastructure;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A project's tree: its exact shape, every unit on its sorted floor, counts by status; served from
 * Redis until a change of the project's buildings or units commits.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesPmsInfrastructure
class ProjectTreeIT {

    private final UUID tenant = UUID.randomUUID();

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactions;

    RegistryApi api;
    String project;
    String tower;
    String annex;

    @BeforeEach
    void aProjectWithTwoBuildings() throws Exception {
        api = new RegistryApi(port);
        project = api.project(hq(tenant), unique("T-"));
        tower = api.building(hq(tenant), project, "10", 20, 1);
        annex = api.building(hq(tenant), project, "2", 3, 0);
    }

    @Test
    void treeListsEveryUnitUnderItsSortedFloorWithCounts() throws Exception {
        String u201 = api.unit(hq(tenant), tower, "201", 2, "OCCUPIED");
        String b101 = api.unit(hq(tenant), tower, "B101", -1, "VACANT");
        String u101 = api.unit(hq(tenant), tower, "101", 1, "RENTED");
        String u102 = api.unit(hq(tenant), tower, "102", 1, "OCCUPIED");
        String shop = api.unit(hq(tenant), annex, "S1", 1, "RENOVATING");

        JsonNode tree = body(api.get("/api/v1/projects/" + project + "/tree", hq(tenant)), 200);

        assertThat(tree.propertyNames()).containsExactly("projectId", "counts", "buildings");
        assertThat(tree.path("projectId").asString()).isEqualTo(project);
        assertThat(tree.path("counts").path("OCCUPIED").asInt()).isEqualTo(2);
        assertThat(tree.path("counts").path("VACANT").asInt()).isEqualTo(1);
        assertThat(tree.path("counts").path("RENTED").asInt()).isEqualTo(1);
        assertThat(tree.path("counts").path("RENOVATING").asInt()).isEqualTo(1);
        // codes sort naturally: 2 before 10
        assertThat(tree.path("buildings").findValuesAsString("code")).containsExactly("2", "10");
        JsonNode towerNode = tree.path("buildings").get(1);
        assertThat(towerNode.propertyNames()).containsExactly("id", "code", "name", "counts", "floors");
        assertThat(towerNode.path("id").asString()).isEqualTo(tower);
        assertThat(towerNode.path("counts").path("OCCUPIED").asInt()).isEqualTo(2);
        assertThat(towerNode.path("counts").path("RENOVATING").asInt()).isZero();
        assertThat(towerNode.path("floors").findValues("floor"))
                .extracting(JsonNode::asInt)
                .containsExactly(-1, 1, 2);
        JsonNode firstFloor = towerNode.path("floors").get(1);
        assertThat(firstFloor.propertyNames()).containsExactly("floor", "units");
        assertThat(firstFloor.path("units").findValuesAsString("id")).containsExactly(u101, u102);
        JsonNode unit = firstFloor.path("units").get(0);
        assertThat(unit.propertyNames()).containsExactly("id", "number", "status", "area");
        assertThat(unit.path("area").decimalValue()).isEqualByComparingTo("89.50");
        assertThat(tree.toString()).contains(u201, b101, shop);
    }

    @Test
    void treeIsServedFromTheCacheUntilAUnitChanges() throws Exception {
        String unit = api.unit(hq(tenant), tower, "301", 3, "VACANT");
        String path = "/api/v1/projects/" + project + "/tree";
        assertThat(statusOf(body(api.get(path, hq(tenant)), 200))).isEqualTo("VACANT");

        // behind the service's back: the cached tree does not see it
        TenantContext.runAs(tenant, () -> new TransactionTemplate(transactions)
                .executeWithoutResult(tx -> new JdbcTemplate(dataSource)
                        .update("update unit set number = 'X301' where id = ?::uuid", unit)));
        JsonNode cached = body(api.get(path, hq(tenant)), 200);
        assertThat(cached.toString()).doesNotContain("X301");

        assertThat(api.patch("/api/v1/units/" + unit, hq(tenant), "{\"status\":\"OCCUPIED\"}")
                        .statusCode())
                .isEqualTo(200);
        JsonNode fresh = body(api.get(path, hq(tenant)), 200);

        assertThat(statusOf(fresh)).isEqualTo("OCCUPIED");
        assertThat(fresh.toString()).contains("X301");
        assertThat(fresh.path("counts").path("OCCUPIED").asInt()).isEqualTo(1);
    }

    @Test
    void newBuildingAndDeletedUnitShowAtOnce() throws Exception {
        String unit = api.unit(hq(tenant), tower, "401", 4, "VACANT");
        String path = "/api/v1/projects/" + project + "/tree";
        body(api.get(path, hq(tenant)), 200);

        api.building(hq(tenant), project, "30", 2, 0);
        assertThat(api.delete("/api/v1/units/" + unit, hq(tenant)).statusCode()).isEqualTo(204);
        JsonNode tree = body(api.get(path, hq(tenant)), 200);

        assertThat(tree.path("buildings").findValuesAsString("code")).containsExactly("2", "10", "30");
        assertThat(tree.toString()).doesNotContain(unit);
        assertThat(tree.path("counts").path("VACANT").asInt()).isZero();
    }

    @Test
    void treeOutOfScopeOrOfAnotherTenantIsNotFound() throws Exception {
        String path = "/api/v1/projects/" + project + "/tree";
        body(api.get(path, hq(tenant)), 200); // cached now: the cache must not leak it either

        assertThat(api.get(path, hq(UUID.randomUUID())).statusCode()).isEqualTo(404);
        assertThat(api.get(path, scoped(tenant, "PROJECT_MANAGER", UUID.randomUUID()))
                        .statusCode())
                .isEqualTo(404);
        assertThat(api.get(path, scoped(tenant, "TECHNICIAN", UUID.fromString(project)))
                        .statusCode())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/projects/" + UUID.randomUUID() + "/tree", hq(tenant))
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void deletedProjectsTreeIsGone() throws Exception {
        String empty = api.project(hq(tenant), unique("E-"));
        String path = "/api/v1/projects/" + empty + "/tree";
        assertThat(body(api.get(path, hq(tenant)), 200).path("buildings")).isEmpty();

        assertThat(api.delete("/api/v1/projects/" + empty, hq(tenant)).statusCode())
                .isEqualTo(204);

        assertThat(api.get(path, hq(tenant)).statusCode()).isEqualTo(404);
    }

    private static String statusOf(JsonNode tree) {
        return tree.path("buildings").findValuesAsString("status").get(0);
    }
}
