package com.propcloud.pms.asset.patrol;

import static com.propcloud.pms.asset.AssetApi.body;
import static com.propcloud.pms.asset.AssetApi.hq;
import static com.propcloud.pms.asset.AssetApi.id;
import static com.propcloud.pms.asset.AssetApi.problem;
import static com.propcloud.pms.asset.AssetApi.scoped;
import static org.assertj.core.api.Assertions.assertThat;

import com.propcloud.pms.asset.AssetApi;
import com.propcloud.pms.test.UsesPmsInfrastructure;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Patrol routes over HTTP: ordered checkpoints with unique codes, rounds by times of day, rules, scope. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "asset.schedule.enabled=false")
@UsesPmsInfrastructure
class PatrolRouteApiIT {

    private final UUID tenant = UUID.randomUUID();

    @LocalServerPort
    int port;

    AssetApi api;
    String project;

    @BeforeEach
    void aProject() throws Exception {
        api = new AssetApi(port);
        project = api.project(hq(tenant));
    }

    String route(String name, String checkpoints) {
        return """
                {"projectId":"%s","name":"%s","role":"SECURITY","skill":"GENERAL",
                 "cycle":{"kind":"TIMES_OF_DAY","timesOfDay":["20:00","08:00","23:30"]},"checkpoints":%s}""".formatted(project, name, checkpoints);
    }

    @Test
    void aRouteKeepsItsCheckpointsInOrderAndIssuesMissingCodes() throws Exception {
        String nfc = AssetApi.unique("NFC-");
        JsonNode route = api.created(
                "/api/v1/patrol-routes",
                hq(tenant),
                route("Night", "[{\"code\":\"%s\",\"location\":\"Gate 1\"},{\"location\":\"Roof\"}]".formatted(nfc)));

        assertThat(route.path("checkpoints").get(0).path("code").asString()).isEqualTo(nfc);
        assertThat(route.path("checkpoints").get(1).path("location").asString()).isEqualTo("Roof");
        assertThat(route.path("checkpoints").get(1).path("code").asString()).startsWith("CP");
        assertThat(route.path("cycle").path("timesOfDay").get(0).asString()).startsWith("08:00");
        JsonNode changed = body(
                api.patch(
                        "/api/v1/patrol-routes/" + id(route),
                        hq(tenant),
                        "{\"checkpoints\":[{\"location\":\"Garage\"},{\"code\":\"%s\",\"location\":\"Gate 1\"}]}"
                                .formatted(nfc)),
                200);
        assertThat(changed.path("checkpoints").findValuesAsString("location")).containsExactly("Garage", "Gate 1");
        assertThat(api.delete("/api/v1/patrol-routes/" + id(route), hq(tenant)).statusCode())
                .isEqualTo(204);
    }

    @Test
    void aCheckpointCodeIsUniqueInTheTenant() throws Exception {
        String nfc = AssetApi.unique("NFC-");
        api.created(
                "/api/v1/patrol-routes",
                hq(tenant),
                route("A", "[{\"code\":\"%s\",\"location\":\"x\"}]".formatted(nfc)));

        problem(
                api.post(
                        "/api/v1/patrol-routes",
                        hq(tenant),
                        route("B", "[{\"code\":\"%s\",\"location\":\"y\"}]".formatted(nfc))),
                409,
                PatrolCodes.CHECKPOINT_CODE_TAKEN);
        problem(
                api.post("/api/v1/patrol-routes", hq(tenant), route("A", "[{\"location\":\"y\"}]")),
                409,
                PatrolCodes.NAME_TAKEN);
    }

    @Test
    void aRouteNamesWhoWalksIt() throws Exception {
        problem(api.post("/api/v1/patrol-routes", hq(tenant), """
                        {"projectId":"%s","name":"Nobody","cycle":{"kind":"EVERY_N_DAYS","intervalDays":1},
                         "checkpoints":[{"location":"x"}]}""".formatted(project)), 422, PatrolCodes.WALKER_MISSING);
    }

    @Test
    void routesOfAnotherProjectOrTenantAreOutOfReach() throws Exception {
        String route = id(api.created("/api/v1/patrol-routes", hq(tenant), route("Day", "[{\"location\":\"x\"}]")));
        String guard = scoped(tenant, "SECURITY", UUID.randomUUID());

        assertThat(api.get("/api/v1/patrol-routes/" + route, guard).statusCode())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/patrol-routes/" + route, hq(UUID.randomUUID()))
                        .statusCode())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/patrol-routes/" + route, scoped(tenant, "SECURITY", UUID.fromString(project)))
                        .statusCode())
                .isEqualTo(200);
        assertThat(api.post("/api/v1/patrol-routes", guard, route("Z", "[{\"location\":\"x\"}]"))
                        .statusCode())
                .isEqualTo(403);
    }
}
