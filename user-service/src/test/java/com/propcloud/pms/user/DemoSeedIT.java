package com.propcloud.pms.user;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Both demo tenants hold the same usernames, each with their role and the demo password. */
@UserServiceTest
class DemoSeedIT {

    static final Map<String, String> ROLES = Map.of(
            "admin", "HQ_ADMIN",
            "pm", "PROJECT_MANAGER",
            "desk", "FRONT_DESK",
            "tech1", "TECHNICIAN",
            "tech2", "TECHNICIAN",
            "finance", "FINANCE",
            "guard", "SECURITY");

    @Autowired
    RestTestClient client;

    @ParameterizedTest
    @ValueSource(strings = {"demo", "acme"})
    void everyDemoLoginWorksWithItsRoleInItsOwnTenant(String tenant) throws Exception {
        Api api = new Api(client);
        String tenantId = null;
        for (var seat : ROLES.entrySet()) {
            var claims = SignedJWT.parse(api.accessToken(tenant, seat.getKey(), Api.DEMO_PASSWORD))
                    .getJWTClaimsSet();
            assertThat(claims.getStringClaim("tenant")).isEqualTo(tenant);
            assertThat(claims.getStringListClaim("roles")).containsExactly(seat.getValue());
            assertThat(claims.getClaim("must_change_password")).isNull();
            tenantId = tenantId == null ? claims.getStringClaim("tid") : tenantId;
            assertThat(claims.getStringClaim("tid")).isEqualTo(tenantId);
            List<String> projects = claims.getStringListClaim("projects");
            if (seat.getValue().equals("HQ_ADMIN")) {
                assertThat(projects).as("HQ sees every project").isNullOrEmpty();
            } else {
                assertThat(projects).as(seat.getKey()).containsExactlyElementsOf(demoProjects(tenant));
            }
        }
    }

    /** The ids asset-service's demo seed gives the demo projects (a name-based UUID of tenant and project code). */
    private static List<String> demoProjects(String tenant) {
        List<String> codes = tenant.equals("demo") ? List.of("EMERALD-LAKE", "HUIJIN-TOWER") : List.of("PINE-COURT");
        return codes.stream()
                .map(code -> UUID.nameUUIDFromBytes(("pms-demo-project:" + tenant + ":" + code).getBytes(UTF_8))
                        .toString())
                .toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "acme"})
    void techniciansHaveDifferentSkills(String tenant) {
        Api api = new Api(client);
        String admin = api.accessToken(tenant, "admin", Api.DEMO_PASSWORD);

        var plumbers = api.get("/api/v1/staff?skill=PLUMBING&size=200", admin).getResponseBody();
        var electricians =
                api.get("/api/v1/staff?skill=ELECTRICAL&size=200", admin).getResponseBody();

        assertThat(usernames(plumbers)).contains("tech1").doesNotContain("tech2");
        assertThat(usernames(electricians)).contains("tech2").doesNotContain("tech1");
    }

    @Test
    void theOtherDemoPeopleArriveInTheBackgroundWithDerivedIds() {
        Api api = new Api(client);
        String admin = api.accessToken("demo", "admin", Api.DEMO_PASSWORD);

        // residents 1–1900 and commercial tenants 5001–5120; the last one seeded is the last tenant
        await().atMost(Duration.ofMinutes(3))
                .until(() -> ((Number) api.get("/api/v1/owners?phone=13900005120", admin)
                                        .getResponseBody()
                                        .get("totalElements"))
                                .intValue()
                        == 1);
        var resident = api.get("/api/v1/owners?phone=13900000500", admin).getResponseBody();
        var row = (Map<?, ?>) ((List<?>) resident.get("content")).get(0);
        assertThat(row.get("id"))
                .isEqualTo(UUID.nameUUIDFromBytes("pms-demo-person:demo:500".getBytes(UTF_8))
                        .toString());
        assertThat(row.get("phone")).isEqualTo("139****0500");
        assertThat(((Number) api.get("/api/v1/owners?size=1", admin)
                                .getResponseBody()
                                .get("totalElements"))
                        .intValue())
                .isGreaterThanOrEqualTo(1900 + 120);
    }

    private static List<Object> usernames(Api.Json page) {
        return ((List<?>) page.get("content"))
                .stream().map(row -> (Object) ((Map<?, ?>) row).get("username")).toList();
    }
}
