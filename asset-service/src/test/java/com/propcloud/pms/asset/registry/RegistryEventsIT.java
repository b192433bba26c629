package com.propcloud.pms.asset.registry;

import static com.propcloud.pms.asset.registry.RegistryApi.awaitGolden;
import static com.propcloud.pms.asset.registry.RegistryApi.hq;
import static com.propcloud.pms.asset.registry.RegistryApi.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.propcloud.pms.test.EventTap;
import com.propcloud.pms.test.UsesPmsInfrastructure;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Every registry change leaves its {@code asset.*} event through the outbox, in the golden shape, with
 * the tenant and the project on the envelope.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesPmsInfrastructure
class RegistryEventsIT {

    private static EventTap events;

    private final UUID tenant = UUID.randomUUID();

    @LocalServerPort
    int port;

    @BeforeAll
    static void listen() {
        events = EventTap.bind("asset.#");
    }

    @AfterAll
    static void close() {
        events.close();
    }

    @Test
    void projectEventsCarryTheWholeProject() throws Exception {
        RegistryApi api = new RegistryApi(port);
        String code = unique("EV-");
        String project = api.project(hq(tenant), code);
        api.patch("/api/v1/projects/" + project, hq(tenant), "{\"name\":\"Renamed\"}");
        api.delete("/api/v1/projects/" + project, hq(tenant));

        JsonNode created = awaitGolden(events, "asset.project.created", project);
        JsonNode updated = awaitGolden(events, "asset.project.updated", project);
        awaitGolden(events, "asset.project.deleted", project);

        assertThat(created.path("tenantId").asString()).isEqualTo(tenant.toString());
        assertThat(created.path("projectId").asString()).isEqualTo(project);
        assertThat(created.path("payload").path("code").asString()).isEqualTo(code);
        assertThat(updated.path("payload").path("name").asString()).isEqualTo("Renamed");
    }

    @Test
    void buildingAndUnitEventsCarryTheirProject() throws Exception {
        RegistryApi api = new RegistryApi(port);
        String project = api.project(hq(tenant), unique("EV-"));
        String building = api.building(hq(tenant), project, "1", 5, 0);
        String unit = api.unit(hq(tenant), building, "101", 1, "VACANT");
        api.patch("/api/v1/units/" + unit, hq(tenant), "{\"status\":\"OCCUPIED\"}");
        api.patch("/api/v1/buildings/" + building, hq(tenant), "{\"name\":\"Tower\"}");
        api.delete("/api/v1/units/" + unit, hq(tenant));
        api.delete("/api/v1/buildings/" + building, hq(tenant));

        awaitGolden(events, "asset.building.created", building);
        awaitGolden(events, "asset.building.updated", building);
        awaitGolden(events, "asset.building.deleted", building);
        JsonNode created = awaitGolden(events, "asset.unit.created", unit);
        JsonNode updated = awaitGolden(events, "asset.unit.updated", unit);
        awaitGolden(events, "asset.unit.deleted", unit);

        assertThat(created.path("projectId").asString()).isEqualTo(project);
        assertThat(created.path("payload").path("buildingId").asString()).isEqualTo(building);
        assertThat(created.path("payload").path("grossArea").decimalValue()).isEqualByComparingTo("89.50");
        assertThat(updated.path("payload").path("status").asString()).isEqualTo("OCCUPIED");
    }
}
