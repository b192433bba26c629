package com.propcloud.pms.asset.registry;

import static com.propcloud.pms.asset.importing.SheetFiles.reasons;
import static com.propcloud.pms.asset.registry.RegistryApi.body;
import static com.propcloud.pms.asset.registry.RegistryApi.hq;
import static com.propcloud.pms.asset.registry.RegistryApi.problem;
import static com.propcloud.pms.asset.registry.RegistryApi.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.propcloud.pms.asset.importing.SheetImportController;
import com.propcloud.pms.common.tenant.TenantContext;
import com.propcloud.pms.test.UsesPmsInfrastructure;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The tenant's plan limits, as the tenant directory holds them, enforced over HTTP: a project or unit
 * beyond them is 422, racing creations do not both pass, an import that would cross the unit limit is
 * a problem of the whole file (at its dry run, and again at its commit) and writes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesPmsInfrastructure
class PlanLimitsIT {

    static final String IMPORTS = "/api/v1/units/imports";

    private final UUID tenant = UUID.randomUUID();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    RegistryApi api;

    @BeforeEach
    void api() {
        api = new RegistryApi(port);
    }

    @Test
    void aProjectBeyondThePlanIsRefused() throws Exception {
        limits(2, null);
        api.project(hq(tenant), unique("L-"));
        api.project(hq(tenant), unique("L-"));

        HttpResponse<String> third = api.post("/api/v1/projects", hq(tenant), projectJson(unique("L-")));

        problem(third, 422, RegistryCodes.PLAN_PROJECT_LIMIT_REACHED);
        assertThat(body(third, 422).path("detail").asString()).contains("at most 2 projects");
        assertThat(count("project")).isEqualTo(2);
    }

    @Test
    void racingProjectsDoNotBothPassTheLimit() throws Exception {
        limits(1, null);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String code = unique("RACE-");
                Callable<Integer> create = () -> api.post("/api/v1/projects", hq(tenant), projectJson(code))
                        .statusCode();
                answers.add(pool.submit(create));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses)
                    .containsOnly(201, 422)
                    .filteredOn(s -> s == 201)
                    .hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(count("project")).isEqualTo(1);
    }

    @Test
    void aUnitBeyondThePlanIsRefusedCountingEveryProject() throws Exception {
        limits(null, 3);
        String first = api.building(hq(tenant), api.project(hq(tenant), unique("U-")), "1", 10, 0);
        api.unit(hq(tenant), first, "101", 1, "VACANT");
        api.unit(hq(tenant), first, "102", 1, "VACANT");
        String second = api.building(hq(tenant), api.project(hq(tenant), unique("U-")), "1", 10, 0);
        api.unit(hq(tenant), second, "101", 1, "VACANT");

        HttpResponse<String> fourth =
                api.post("/api/v1/units", hq(tenant), RegistryApi.unitJson(second, "102", 1, "89.50", "VACANT"));

        problem(fourth, 422, RegistryCodes.PLAN_UNIT_LIMIT_REACHED);
        assertThat(body(fourth, 422).path("detail").asString()).contains("at most 3 units");
        assertThat(count("unit")).isEqualTo(3);
        // what exists may still change
        String unit = RegistryApi.ids(body(api.get("/api/v1/units?buildingId=" + second, hq(tenant)), 200))
                .get(0);
        body(api.patch("/api/v1/units/" + unit, hq(tenant), "{\"status\":\"RENTED\"}"), 200);
    }

    @Test
    void anImportThatWouldCrossTheUnitLimitIsAProblemOfTheFileAndWritesNothing() throws Exception {
        limits(null, 5);
        String project = api.project(hq(tenant), unique("IM-"));
        String building = api.building(hq(tenant), project, "B1", 60, 2);
        api.unit(hq(tenant), building, "9-1", 9, "VACANT");
        api.unit(hq(tenant), building, "9-2", 9, "VACANT");

        JsonNode imported = upload(project, 4);

        assertThat(imported.path("status").asString()).isEqualTo("INVALID");
        assertThat(reasons(imported))
                .singleElement()
                .asString()
                .contains(RegistryCodes.PLAN_UNIT_LIMIT_REACHED)
                .contains("at most 5 units");
        problem(
                api.post(IMPORTS + "/" + RegistryApi.id(imported) + "/commit", hq(tenant), ""),
                409,
                "import.not-committable");
        assertThat(count("unit")).isEqualTo(2);
    }

    @Test
    void aCommitChecksTheLimitAgainAfterUnitsWereAddedSinceItsDryRun() throws Exception {
        limits(null, 4);
        String project = api.project(hq(tenant), unique("IM-"));
        JsonNode imported = upload(project, 3);
        assertThat(imported.path("status").asString()).as(imported.toString()).isEqualTo("VALIDATED");
        String other = api.building(hq(tenant), api.project(hq(tenant), unique("IM-")), "X", 10, 0);
        api.unit(hq(tenant), other, "1", 1, "VACANT");
        api.unit(hq(tenant), other, "2", 1, "VACANT");

        problem(api.post(IMPORTS + "/" + RegistryApi.id(imported) + "/commit", hq(tenant), ""), 409, "import.failed");

        JsonNode failed = body(api.get(IMPORTS + "/" + RegistryApi.id(imported), hq(tenant)), 200);
        assertThat(failed.path("status").asString()).isEqualTo("FAILED");
        assertThat(count("unit")).isEqualTo(2);
        assertThat(count("building")).isEqualTo(1);
    }

    @Test
    void aTenantWithoutLimitsIsUnaffected() throws Exception {
        limits(null, null);
        for (int i = 0; i < 3; i++) {
            api.project(hq(tenant), unique("F-"));
        }
        // a tenant the directory does not know at all is not limited either
        UUID unknown = UUID.randomUUID();
        String building = api.building(hq(unknown), api.project(hq(unknown), unique("F-")), "1", 10, 0);
        api.unit(hq(unknown), building, "101", 1, "VACANT");

        assertThat(count("project")).isEqualTo(3);
    }

    /** The tenant's copy in the directory, as user-service's listing or events would leave it. */
    private void limits(@Nullable Integer maxProjects, @Nullable Integer maxUnits) {
        jdbc.update(
                "insert into tenant_directory (id, code, name, status, time_zone, max_projects, max_units, updated_at)"
                        + " values (?, ?, 'Limited', 'ACTIVE', 'Asia/Shanghai', ?, ?, ?)",
                tenant,
                "lim-" + tenant.toString().substring(0, 8),
                maxProjects,
                maxUnits,
                // far ahead: a bootstrap listing from a running user-service never overwrites it
                Timestamp.from(Instant.parse("2999-01-01T00:00:00Z")));
    }

    /** The tenant's rows, read as the tenant (row-level security hides them from anyone else). */
    private long count(String table) {
        return TenantContext.callAs(
                tenant,
                () -> transactions.execute(status -> jdbc.queryForObject(
                        "select count(*) from " + table + " where tenant_id = ?", Long.class, tenant)));
    }

    private JsonNode upload(String project, int rows) throws Exception {
        byte[] file = UnitImportIT.workbook(UnitImportIT.HEADER, rows, i -> UnitImportIT.unitRow(i, 1));
        return body(
                api.upload(
                        IMPORTS + "?projectId=" + project, hq(tenant), "units.xlsx", SheetImportController.XLSX, file),
                201);
    }

    private static String projectJson(String code) {
        return "{\"code\":\"" + code + "\",\"name\":\"P " + code + "\",\"type\":\"RESIDENTIAL\"}";
    }
}
