package com.propcloud.pms.asset.parking;

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

import com.propcloud.pms.asset.registry.RegistryApi;
import com.propcloud.pms.test.EventTap;
import com.propcloud.pms.test.UsesPmsInfrastructure;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Parking spaces over HTTP: numbered uniquely within their project's zone, held by a unit of their own
 * project, filtered, and in scope only for their project's staff; each change announced.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesPmsInfrastructure
class ParkingSpaceApiIT {

    private static EventTap events;

    private final UUID tenant = UUID.randomUUID();

    @LocalServerPort
    int port;

    RegistryApi api;
    String project;
    String unit;

    @BeforeAll
    static void listen() {
        events = EventTap.bind("asset.parking-space.#");
    }

    @AfterAll
    static void close() {
        events.close();
    }

    @BeforeEach
    void aProjectWithAUnit() throws Exception {
        api = new RegistryApi(port);
        project = api.project(hq(tenant), unique("PK-"));
        String building = api.building(hq(tenant), project, "1", 10, 2);
        unit = api.unit(hq(tenant), building, "101", 1, "OCCUPIED");
    }

    private static String space(String project, String zone, String number, String type) {
        return "{\"projectId\":\"%s\",\"zone\":\"%s\",\"number\":\"%s\",\"type\":\"%s\"}"
                .formatted(project, zone, number, type);
    }

    @Test
    void aSpaceCanBeCreatedReadChangedAndDeleted() throws Exception {
        JsonNode created = api.created("/api/v1/parking-spaces", hq(tenant), """
                {"projectId":"%s","zone":"B1","number":"018","type":"OWNED","unitId":"%s"}""".formatted(project, unit));
        String path = "/api/v1/parking-spaces/" + id(created);

        assertThat(created.path("status").asString()).isEqualTo("AVAILABLE");
        assertThat(created.path("unitId").asString()).isEqualTo(unit);
        JsonNode changed = body(api.patch(path, hq(tenant), "{\"status\":\"OCCUPIED\",\"type\":\"RENTED\"}"), 200);
        assertThat(changed.path("status").asString()).isEqualTo("OCCUPIED");
        assertThat(changed.path("number").asString()).isEqualTo("018");
        assertThat(api.delete(path, hq(tenant)).statusCode()).isEqualTo(204);
        assertThat(api.get(path, hq(tenant)).statusCode()).isEqualTo(404);
    }

    @Test
    void creatingChangingAndDeletingASpaceLeaveTheirEvents() throws Exception {
        String space = id(api.created("/api/v1/parking-spaces", hq(tenant), """
                {"projectId":"%s","zone":"B1","number":"020","type":"OWNED","unitId":"%s"}""".formatted(project, unit)));
        String path = "/api/v1/parking-spaces/" + space;
        body(api.patch(path, hq(tenant), "{\"status\":\"OCCUPIED\"}"), 200);
        assertThat(api.delete(path, hq(tenant)).statusCode()).isEqualTo(204);

        JsonNode created = awaitGolden(events, "asset.parking-space.created", space);
        JsonNode updated = awaitGolden(events, "asset.parking-space.updated", space);
        JsonNode deleted = awaitGolden(events, "asset.parking-space.deleted", space);

        assertThat(created.path("tenantId").asString()).isEqualTo(tenant.toString());
        assertThat(created.path("projectId").asString()).isEqualTo(project);
        assertThat(created.path("payload").path("unitId").asString()).isEqualTo(unit);
        assertThat(created.path("payload").path("status").asString()).isEqualTo("AVAILABLE");
        assertThat(updated.path("payload").path("status").asString()).isEqualTo("OCCUPIED");
        assertThat(deleted.path("payload").path("number").asString()).isEqualTo("020");
    }

    @Test
    void aNumberIsUniqueWithinItsZone() throws Exception {
        api.created("/api/v1/parking-spaces", hq(tenant), space(project, "B1", "001", "OWNED"));

        problem(
                api.post("/api/v1/parking-spaces", hq(tenant), space(project, "B1", "001", "RENTED")),
                409,
                ParkingCodes.NUMBER_TAKEN);
        assertThat(api.post("/api/v1/parking-spaces", hq(tenant), space(project, "B2", "001", "RENTED"))
                        .statusCode())
                .isEqualTo(201);
    }

    @Test
    void spacesFilterByZoneTypeStatusAndUnit() throws Exception {
        String b1 = id(api.created("/api/v1/parking-spaces", hq(tenant), space(project, "B1", "001", "OWNED")));
        String b2 = id(api.created("/api/v1/parking-spaces", hq(tenant), space(project, "B2", "001", "VISITOR")));
        String held = id(api.created("/api/v1/parking-spaces", hq(tenant), """
                {"projectId":"%s","zone":"B2","number":"002","type":"RENTED","unitId":"%s","status":"OCCUPIED"}""".formatted(project, unit)));
        String list = "/api/v1/parking-spaces?projectId=" + project;

        assertThat(ids(body(api.get(list, hq(tenant)), 200))).containsExactly(b1, b2, held);
        assertThat(ids(body(api.get(list + "&zone=B2", hq(tenant)), 200))).containsExactly(b2, held);
        assertThat(ids(body(api.get(list + "&type=visitor", hq(tenant)), 200))).containsExactly(b2);
        assertThat(ids(body(api.get(list + "&status=OCCUPIED&unitId=" + unit, hq(tenant)), 200)))
                .containsExactly(held);
        assertThat(api.get(list + "&type=BOAT", hq(tenant)).statusCode()).isEqualTo(400);
    }

    @Test
    void theHoldingUnitMustBeTheProjects() throws Exception {
        String other = api.project(hq(tenant), unique("PK-"));

        problem(
                api.post("/api/v1/parking-spaces", hq(tenant), """
                        {"projectId":"%s","zone":"A","number":"1","type":"OWNED","unitId":"%s"}""".formatted(other, unit)),
                422,
                ParkingCodes.UNIT_NOT_FOUND);
    }

    @Test
    void aProjectWithSpacesCannotBeDeleted() throws Exception {
        String other = api.project(hq(tenant), unique("PK-"));
        api.created("/api/v1/parking-spaces", hq(tenant), space(other, "A", "1", "VISITOR"));

        problem(api.delete("/api/v1/projects/" + other, hq(tenant)), 409, ParkingCodes.PROJECT_HAS_PARKING_SPACES);
    }

    @Test
    void scopeAndTenancy() throws Exception {
        String id = id(api.created("/api/v1/parking-spaces", hq(tenant), space(project, "B1", "009", "OWNED")));
        String path = "/api/v1/parking-spaces/" + id;
        String missing = "/api/v1/parking-spaces/" + UUID.randomUUID();
        String otherProject = scoped(tenant, "PROJECT_MANAGER", UUID.randomUUID());
        String otherTenant = hq(UUID.randomUUID());

        assertNotFoundLikeMissing(api.get(path, otherProject), api.get(missing, otherProject), id);
        assertNotFoundLikeMissing(api.get(path, otherTenant), api.get(missing, otherTenant), id);
        assertThat(ids(body(api.get("/api/v1/parking-spaces", otherProject), 200)))
                .isEmpty();
        problem(
                api.post("/api/v1/parking-spaces", otherProject, space(project, "B1", "010", "OWNED")),
                422,
                ParkingCodes.PROJECT_NOT_FOUND);
        assertThat(api.get(path, scoped(tenant, "SECURITY", UUID.fromString(project)))
                        .statusCode())
                .isEqualTo(200);
        assertThat(api.post(
                                "/api/v1/parking-spaces",
                                scoped(tenant, "FRONT_DESK", UUID.fromString(project)),
                                space(project, "B1", "011", "OWNED"))
                        .statusCode())
                .isEqualTo(403);
    }
}
