package com.propcloud.pms.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The seeded demo portfolio through the gateway: each tenant's project manager sees their tenant's
 * projects (user-service's seed gave them the ids asset-service's seed created), the tree lists every
 * unit, and neither tenant reaches the other's projects.
 */
class RegistryThroughGatewayIT {

    private static final UUID EMERALD_LAKE = demoProject("demo", "EMERALD-LAKE");
    private static final UUID HUIJIN_TOWER = demoProject("demo", "HUIJIN-TOWER");
    private static final UUID PINE_COURT = demoProject("acme", "PINE-COURT");

    private static PlatformClient demoPm;
    private static PlatformClient acmePm;

    @BeforeAll
    static void seeded() throws Exception {
        Platform platform = Platform.get();
        demoPm = PlatformClient.staff(platform, "demo", "pm");
        acmePm = PlatformClient.staff(platform, "acme", "pm");
        // asset-service seeds in the background once it has heard of the tenants
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(2))
                .until(() ->
                        demoPm.get("/api/v1/projects/" + HUIJIN_TOWER + "/tree").statusCode() == 200
                                && acmePm.get("/api/v1/projects/" + PINE_COURT + "/tree")
                                                .statusCode()
                                        == 200);
    }

    @Test
    void eachProjectManagerSeesTheirTenantsDemoProjects() throws Exception {
        assertThat(codes(demoPm.getJson("/api/v1/projects?sort=code"))).containsExactly("EMERALD-LAKE", "HUIJIN-TOWER");
        assertThat(codes(acmePm.getJson("/api/v1/projects"))).containsExactly("PINE-COURT");
    }

    @Test
    void theTreeListsEveryUnitOfTheCommunity() throws Exception {
        JsonNode tree = demoPm.getJson("/api/v1/projects/" + EMERALD_LAKE + "/tree");

        assertThat(tree.path("projectId").asString()).isEqualTo(EMERALD_LAKE.toString());
        assertThat(tree.path("buildings").size()).isEqualTo(12);
        int units = 0;
        for (JsonNode building : tree.path("buildings")) {
            for (JsonNode floor : building.path("floors")) {
                units += floor.path("units").size();
            }
        }
        assertThat(units).isEqualTo(2016);
        int counted = 0;
        for (JsonNode count : tree.path("counts")) {
            counted += count.asInt();
        }
        assertThat(counted).isEqualTo(2016);
    }

    @Test
    void neitherTenantReachesTheOthersProjects() throws Exception {
        assertThat(acmePm.get("/api/v1/projects/" + EMERALD_LAKE).statusCode()).isEqualTo(404);
        assertThat(acmePm.get("/api/v1/projects/" + EMERALD_LAKE + "/tree").statusCode())
                .isEqualTo(404);
        assertThat(demoPm.get("/api/v1/projects/" + PINE_COURT).statusCode()).isEqualTo(404);
        assertThat(acmePm.getJson("/api/v1/units?projectId=" + EMERALD_LAKE)
                        .path("totalElements")
                        .asLong())
                .isZero();
    }

    private static List<String> codes(JsonNode page) {
        List<String> codes = new ArrayList<>();
        page.path("content").forEach(project -> codes.add(project.path("code").asString()));
        return codes;
    }

    /** The seeds' shared derivation of a demo project's id. */
    private static UUID demoProject(String tenant, String code) {
        return UUID.nameUUIDFromBytes(("pms-demo-project:" + tenant + ":" + code).getBytes(UTF_8));
    }
}
