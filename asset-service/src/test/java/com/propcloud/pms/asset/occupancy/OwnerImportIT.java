package com.propcloud.pms.asset.occupancy;

import static com.propcloud.pms.asset.registry.RegistryApi.body;
import static com.propcloud.pms.asset.registry.RegistryApi.hq;
import static com.propcloud.pms.asset.registry.RegistryApi.problem;
import static com.propcloud.pms.asset.registry.RegistryApi.scoped;
import static com.propcloud.pms.asset.registry.RegistryApi.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.propcloud.pms.asset.registry.RegistryApi;
import com.propcloud.pms.common.pii.IdNumbers;
import com.propcloud.pms.test.UsesPmsInfrastructure;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import tools.jackson.databind.JsonNode;

/**
 * The owners+occupancy sheet over HTTP against the real database and broker, with user-service's
 * create-or-match by phone stood in by {@link RegisterLikeUserService} (the e2e suite runs the real
 * one): dry run, commit in two steps, idempotent re-import, resumption after user-service was down
 * mid-file, and a refused person failing the whole file with nobody linked. Requests here never wait
 * for their runs, so every step also goes through the 202-and-follow path large files take.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            // requests do not wait for their runs here: every upload and commit answers 202 and is followed
            "asset.import.answer-within=0s",
            "asset.import.stale-after=1s",
            "asset.import.sweep-interval=300ms",
            "asset.import.max-attempts=3"
        })
@UsesPmsInfrastructure
class OwnerImportIT {

    static final String IMPORTS = "/api/v1/occupants/imports";
    static final String UNITS_HEADER = "Building code,Building name,Floors above,Floors below,Elevators,Unit number,"
            + "Floor,Entrance,Unit type,Gross area,Inner area,Status,Handover date\n";
    static final String OWNERS_HEADER =
            "楼栋编号 Building code,房号 Unit number,姓名 Name,手机号 Mobile phone,身份证号 ID number,身份 Role,"
                    + "主缴费人 Primary payer,入住日期 Move-in date\n";

    @TestConfiguration
    static class StandIn {
        @Bean
        @Primary
        RegisterLikeUserService peopleRegistry() {
            return new RegisterLikeUserService();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    RegisterLikeUserService people;

    @Autowired
    DataSource dataSource;

    private final UUID tenant = UUID.randomUUID();
    private RegistryApi api;
    private String project;

    @BeforeEach
    void units() throws Exception {
        people.reset();
        api = new RegistryApi(port);
        project = api.project(hq(tenant), unique("OW-"));
        JsonNode units = settle(upload("/api/v1/units/imports", unitsCsv()));
        assertThat(units.path("status").asString()).as(units.toString()).isEqualTo("VALIDATED");
        JsonNode committed =
                settle(api.post("/api/v1/units/imports/" + RegistryApi.id(units) + "/commit", hq(tenant), ""));
        assertThat(committed.path("status").asString()).isEqualTo("COMMITTED");
    }

    /** 700 units in building B1, 1-1 .. 70-10, all VACANT as a developer's handover list has them. */
    static String unitsCsv() {
        StringBuilder csv = new StringBuilder(UNITS_HEADER);
        for (int i = 0; i < 700; i++) {
            csv.append("B1,1号楼,70,0,2,")
                    .append(unitNumber(i))
                    .append(',')
                    .append(i / 10 + 1)
                    .append(",1,APARTMENT,89.50,72.30,VACANT,2024-06-30\n");
        }
        return csv.toString();
    }

    static String unitNumber(int i) {
        return (i / 10 + 1) + "-" + (i % 10 + 1);
    }

    static String phone(int i) {
        return String.format("1390%07d", i);
    }

    /** Unit i's owner (primary payer) and, every tenth unit, a family member. */
    static String owners(int units) {
        StringBuilder csv = new StringBuilder(OWNERS_HEADER);
        for (int i = 0; i < units; i++) {
            // every seventh owner gives an ID number, with a valid check character
            String id = i % 7 == 0 ? IdNumbers.withCheckCharacter(String.format("11010519800101%03d", i % 1000)) : "";
            csv.append("B1,")
                    .append(unitNumber(i))
                    .append(",业主")
                    .append(i)
                    .append(',')
                    .append(phone(i))
                    .append(',')
                    .append(id)
                    .append(",业主,是,2024-07-01\n");
            if (i % 10 == 0) {
                csv.append("B1,")
                        .append(unitNumber(i))
                        .append(",家属")
                        .append(i)
                        .append(",+86 ")
                        .append(phone(5000 + i))
                        .append(",,家庭成员,否,\n");
            }
        }
        return csv.toString();
    }

    HttpResponse<String> upload(String path, String csv) throws Exception {
        return api.upload(
                path + "?projectId=" + project,
                hq(tenant),
                "sheet.csv",
                "text/csv",
                csv.getBytes(StandardCharsets.UTF_8));
    }

    JsonNode dryRun(String csv) throws Exception {
        return settle(upload(IMPORTS, csv));
    }

    HttpResponse<String> commit(JsonNode imported) throws Exception {
        return api.post(IMPORTS + "/" + RegistryApi.id(imported) + "/commit", hq(tenant), "");
    }

    /**
     * The import once its run ended: a 202 names it in Location and shows it running with its progress;
     * it is then followed until it settles.
     */
    JsonNode settle(HttpResponse<String> response) throws Exception {
        if (response.statusCode() != 202) {
            return body(response, response.statusCode() == 201 ? 201 : 200);
        }
        JsonNode running = body(response, 202);
        assertThat(running.path("status").asString()).isIn("VALIDATING", "COMMITTING");
        assertThat(running.path("progress").path("phase").asString()).isIn("VALIDATING", "PREPARING", "COMMITTING");
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).endsWith("/imports/" + RegistryApi.id(running));
        return await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> body(api.get(location, hq(tenant)), 200), s -> !List.of("VALIDATING", "COMMITTING")
                        .contains(s.path("status").asString()));
    }

    /** An import's problems, first page, as a settled import's status carries none. */
    JsonNode problemsOf(JsonNode imported) throws Exception {
        return body(api.get(IMPORTS + "/" + RegistryApi.id(imported) + "/problems", hq(tenant)), 200)
                .path("content");
    }

    /** The project's stays, counted as the application role under the tenant (row-level security). */
    long stays() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement set = connection.prepareStatement("select set_config('app.tenant_id', ?, true)");
                    PreparedStatement count =
                            connection.prepareStatement("select count(*) from occupancy where project_id = ?")) {
                set.setString(1, tenant.toString());
                set.execute();
                count.setObject(1, UUID.fromString(project));
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            } finally {
                connection.rollback();
            }
        }
    }

    static void counts(JsonNode imported, int rows, int toCreate, int unchanged, int errors) {
        JsonNode c = imported.path("counts");
        assertThat(List.of(
                        c.path("rows").asInt(),
                        c.path("toCreate").asInt(),
                        c.path("unchanged").asInt(),
                        c.path("errors").asInt()))
                .as(imported.toString())
                .containsExactly(rows, toCreate, unchanged, errors);
    }

    @Test
    void aGoodFileLinksEveryoneOnceAndAgainChangesNothing() throws Exception {
        String file = owners(50);
        JsonNode dry = dryRun(file);
        assertThat(dry.path("status").asString()).isEqualTo("VALIDATED");
        counts(dry, 55, 55, 0, 0);
        assertThat(people.calls).as("a dry run asks user-service nothing").isEmpty();
        assertThat(stays()).isZero();

        JsonNode committed = settle(commit(dry));
        assertThat(committed.path("status").asString()).isEqualTo("COMMITTED");
        assertThat(committed.hasNonNull("progress"))
                .as("no progress once settled")
                .isFalse();
        assertThat(stays()).isEqualTo(55);
        assertThat(people.created).hasValue(55);
        assertThat(body(api.get("/api/v1/units?projectId=" + project + "&status=OCCUPIED", hq(tenant)), 200)
                        .path("totalElements")
                        .asLong())
                .as("the linked units' status follows their stays")
                .isEqualTo(50);
        // the units file again (it says VACANT): an occupied home keeps the status its stays give it
        JsonNode unitsAgain = settle(upload("/api/v1/units/imports", unitsCsv()));
        assertThat(unitsAgain.path("counts").path("unchanged").asInt())
                .as(unitsAgain.toString())
                .isEqualTo(700);
        settle(api.post("/api/v1/units/imports/" + RegistryApi.id(unitsAgain) + "/commit", hq(tenant), ""));
        assertThat(body(api.get("/api/v1/units?projectId=" + project + "&status=OCCUPIED", hq(tenant)), 200)
                        .path("totalElements")
                        .asLong())
                .isEqualTo(50);

        // the unit's occupants as staff see them: names masked, the primary payer first among equals
        String unit = RegistryApi.ids(body(
                        api.get("/api/v1/units?projectId=" + project + "&numberPrefix=1-1&size=1", hq(tenant)), 200))
                .get(0);
        JsonNode occupants = body(api.get("/api/v1/units/" + unit + "/occupants", hq(tenant)), 200);
        assertThat(occupants.toString()).contains("业*").doesNotContain("业主0\"");

        JsonNode again = dryRun(file);
        counts(again, 55, 0, 55, 0);
        int createdBefore = people.created.get();
        assertThat(settle(commit(again)).path("status").asString()).isEqualTo("COMMITTED");
        assertThat(stays()).isEqualTo(55);
        assertThat(people.created).hasValue(createdBefore);
    }

    @Test
    void everyProblemIsReportedWithItsRowAndNothingIsAsked() throws Exception {
        String bad = OWNERS_HEADER
                + "B1,1-1,张伟,13900000001,,业主,是,2024-07-01\n" // row 2: fine
                + "B1,99-9,李娜,13900000002,,业主,是,\n" // 3: no such unit
                + "B1,1-2,王芳,1390000,,业主,是,\n" // 4: phone malformed
                + "B1,1-3,刘洋,13900000004,110105194912310021,业主,是,\n" // 5: ID check character wrong
                + "B1,1-1,陈静,13900000005,,共有人,是,\n" // 6: second primary payer of 1-1
                + "B1,1-4,张三,13900000001,,业主,是,\n" // 7: the phone of row 2 with another name
                + "B1,1-5,赵磊,13900000006,,房东,否,\n" // 8: unknown role
                + "B1,1-6,孙丽,13900000007,,业主,也许,\n"; // 9: primary payer neither yes nor no
        JsonNode dry = dryRun(bad);
        assertThat(dry.path("status").asString()).isEqualTo("INVALID");
        List<String> where = new ArrayList<>();
        JsonNode problems = problemsOf(dry);
        problems.forEach(
                p -> where.add(p.path("row").asInt() + ":" + p.path("column").asString()));
        assertThat(where)
                .containsExactlyInAnyOrder(
                        "3:房号 Unit number",
                        "4:手机号 Mobile phone",
                        "5:身份证号 ID number",
                        "6:主缴费人 Primary payer",
                        "7:姓名 Name",
                        "8:身份 Role",
                        "9:主缴费人 Primary payer");
        assertThat(problems.toString()).as("reasons mask phones").doesNotContain("13900000001");
        problem(commit(dry), 409, "import.not-committable");
        assertThat(people.calls).isEmpty();
        assertThat(stays()).isZero();
    }

    @Test
    void aUnitsCurrentPrimaryPayerIsNotReplacedByAnImport() throws Exception {
        settle(commit(dryRun(OWNERS_HEADER + "B1,1-1,张伟,13900000001,,业主,是,\n")));
        JsonNode dry = dryRun(OWNERS_HEADER + "B1,1-1,李娜,13900000002,,业主,是,\n");
        assertThat(dry.path("status").asString()).isEqualTo("INVALID");
        assertThat(problemsOf(dry).get(0).path("reason").asString())
                .contains("张*")
                .contains("139****0001");
    }

    @Test
    void aCommitResumesWhereItStoppedWhenUserServiceWasDown() throws Exception {
        String file = owners(600); // 660 people: a batch of 500, then 160
        JsonNode dry = dryRun(file);
        counts(dry, 660, 660, 0, 0);
        // the first batch goes through, the second finds user-service down
        people.failAfter(1, 1);
        JsonNode done = settle(commit(dry));
        assertThat(done.path("status").asString()).isEqualTo("COMMITTED");
        assertThat(people.calls)
                .as("asked again only for what was not recorded")
                .containsExactly(500, 160, 160);
        assertThat(people.created).hasValue(660);
        assertThat(stays()).isEqualTo(660);
    }

    @Test
    void aCommitThatNeverReachesUserServiceSaysSoThenGivesUpAndLinksNobody() throws Exception {
        people.failAfter(0, 1_000);
        JsonNode dry = dryRun(owners(5));
        HttpResponse<String> committing = commit(dry);
        assertThat(committing.statusCode()).isEqualTo(202);
        String location = IMPORTS + "/" + RegistryApi.id(dry);
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> body(api.get(location, hq(tenant)), 200)
                                .path("progress")
                                .path("note")
                                .asString(""),
                        note -> note.contains("cannot be reached"));

        JsonNode failed = settle(committing);
        assertThat(failed.path("status").asString()).isEqualTo("FAILED");
        assertThat(problemsOf(dry).get(0).path("reason").asString()).contains("after 3 attempts");
        assertThat(people.calls.size()).as("tried once per attempt").isEqualTo(3);
        assertThat(stays()).isZero();
    }

    @Test
    void aRefusedPersonFailsTheFileAndLinksNobody() throws Exception {
        String file = owners(600);
        people.refuse(phone(590)); // in the second batch: the first batch's people exist, unlinked
        JsonNode dry = dryRun(file);
        JsonNode failed = settle(commit(dry));
        assertThat(failed.path("status").asString()).isEqualTo("FAILED");
        problem(commit(dry), 409, "import.not-committable");
        assertThat(problemsOf(dry).get(0).path("column").asString()).isEqualTo("手机号 Mobile phone");
        assertThat(stays()).as("no half-linked owners").isZero();
    }

    @Test
    void frontDeskMayNotImportAndAnotherTenantsImportIsNotFound() throws Exception {
        JsonNode dry = dryRun(owners(1));
        String desk = scoped(tenant, "FRONT_DESK", UUID.fromString(project));
        assertThat(api.get(IMPORTS + "/" + RegistryApi.id(dry), desk).statusCode())
                .isEqualTo(403);
        assertThat(api.get(IMPORTS + "/" + RegistryApi.id(dry), hq(UUID.randomUUID()))
                        .statusCode())
                .isEqualTo(404);
    }
}
