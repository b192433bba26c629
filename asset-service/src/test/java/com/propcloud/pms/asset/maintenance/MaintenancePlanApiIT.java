package com.propcloud.pms.asset.maintenance;

import static com.propcloud.pms.asset.AssetApi.body;
import static com.propcloud.pms.asset.AssetApi.hq;
import static com.propcloud.pms.asset.AssetApi.id;
import static com.propcloud.pms.asset.AssetApi.problem;
import static com.propcloud.pms.asset.AssetApi.scoped;
import static org.assertj.core.api.Assertions.assertThat;

import com.propcloud.pms.asset.AssetApi;
import com.propcloud.pms.test.UsesPmsInfrastructure;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Maintenance plans over HTTP: targets, cycles and their next due time, rules and scope. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "asset.schedule.enabled=false")
@UsesPmsInfrastructure
class MaintenancePlanApiIT {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
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

    static String categoryPlan(String project, String cycle) {
        return """
                {"projectId":"%s","category":"FIRE_SYSTEM","name":"Fire systems","skill":"ELECTRICAL",
                 "cycle":%s,"checklist":["Panel self-test","Sprinkler pressure","Extinguishers"]}""".formatted(project, cycle);
    }

    @Test
    void aMonthlyCategoryPlanFallsDueOnItsDayAndCanBeChanged() throws Exception {
        LocalDate start = LocalDate.now(SHANGHAI).plusMonths(1).withDayOfMonth(1);
        JsonNode plan = api.created(
                "/api/v1/maintenance-plans",
                hq(tenant),
                categoryPlan(project, "{\"kind\":\"MONTHLY\",\"dayOfMonth\":10,\"startsOn\":\"" + start + "\"}"));

        assertThat(Instant.parse(plan.path("nextDueAt").asString()))
                .isEqualTo(start.withDayOfMonth(10).atStartOfDay(SHANGHAI).toInstant());
        assertThat(plan.path("checklist").get(1).asString()).isEqualTo("Sprinkler pressure");
        assertThat(plan.path("leadTime").asString()).isEqualTo("PT72H");
        JsonNode changed = body(
                api.patch(
                        "/api/v1/maintenance-plans/" + id(plan),
                        hq(tenant),
                        "{\"cycle\":{\"kind\":\"CRON\",\"cron\":\"0 30 9 * * MON\"},\"skill\":\"GENERAL\"}"),
                200);
        assertThat(changed.path("cycle").path("cron").asString()).isEqualTo("0 30 9 * * MON");
        assertThat(Instant.parse(changed.path("nextDueAt").asString())
                        .atZone(SHANGHAI)
                        .getDayOfWeek())
                .isEqualTo(java.time.DayOfWeek.MONDAY);
        assertThat(api.delete("/api/v1/maintenance-plans/" + id(plan), hq(tenant))
                        .statusCode())
                .isEqualTo(204);
    }

    @Test
    void aPlanIsForAnItemOrACategoryNotBoth() throws Exception {
        String item = id(api.created(
                "/api/v1/equipment",
                hq(tenant),
                "{\"projectId\":\"%s\",\"category\":\"HVAC\",\"name\":\"Chiller\"}".formatted(project)));
        problem(
                api.post(
                        "/api/v1/maintenance-plans",
                        hq(tenant),
                        "{\"equipmentId\":\"%s\",\"category\":\"HVAC\",\"name\":\"x\",\"skill\":\"HVAC\",\"checklist\":[],"
                                        .formatted(item)
                                + "\"cycle\":{\"kind\":\"EVERY_N_DAYS\",\"intervalDays\":30}}"),
                422,
                MaintenanceCodes.TARGET_INVALID);
        JsonNode itemPlan = api.created(
                "/api/v1/maintenance-plans",
                hq(tenant),
                ("{\"equipmentId\":\"%s\",\"name\":\"Chiller service\",\"skill\":\"HVAC\",\"checklist\":[\"Filters\"],"
                                + "\"cycle\":{\"kind\":\"EVERY_N_DAYS\",\"intervalDays\":30}}")
                        .formatted(item));
        assertThat(itemPlan.path("projectId").asString()).isEqualTo(project);
    }

    @Test
    void badCyclesAreRefused() throws Exception {
        problem(
                api.post(
                        "/api/v1/maintenance-plans",
                        hq(tenant),
                        categoryPlan(project, "{\"kind\":\"CRON\",\"cron\":\"every monday\"}")),
                422,
                "schedule.cycle-invalid");
        problem(
                api.post(
                        "/api/v1/maintenance-plans",
                        hq(tenant),
                        categoryPlan(project, "{\"kind\":\"TIMES_OF_DAY\",\"timesOfDay\":[\"08:00\"]}")),
                422,
                "schedule.cycle-invalid");
        problem(
                api.post(
                        "/api/v1/maintenance-plans",
                        hq(tenant),
                        categoryPlan(project, "{\"kind\":\"MONTHLY\",\"dayOfMonth\":32}")),
                422,
                "schedule.cycle-invalid");
    }

    @Test
    void plansOfAnotherProjectOrTenantAreOutOfReach() throws Exception {
        String plan = id(api.created(
                "/api/v1/maintenance-plans",
                hq(tenant),
                categoryPlan(project, "{\"kind\":\"EVERY_N_DAYS\",\"intervalDays\":7}")));
        String other = api.project(hq(tenant));
        String manager = scoped(tenant, "PROJECT_MANAGER", UUID.fromString(other));

        assertThat(api.get("/api/v1/maintenance-plans/" + plan, manager).statusCode())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/maintenance-plans/" + plan, hq(UUID.randomUUID()))
                        .statusCode())
                .isEqualTo(404);
        assertThat(body(api.get("/api/v1/maintenance-plans", manager), 200)
                        .path("totalElements")
                        .asInt())
                .isZero();
        problem(
                api.post(
                        "/api/v1/maintenance-plans",
                        manager,
                        categoryPlan(project, "{\"kind\":\"EVERY_N_DAYS\",\"intervalDays\":7}")),
                422,
                MaintenanceCodes.PROJECT_NOT_FOUND);
    }
}
