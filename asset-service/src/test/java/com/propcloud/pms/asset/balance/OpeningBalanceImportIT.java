package com.propcloud.pms.asset.balance;

import static com.propcloud.pms.asset.registry.RegistryApi.body;
import static com.propcloud.pms.asset.registry.RegistryApi.hq;
import static com.propcloud.pms.asset.registry.RegistryApi.problem;
import static com.propcloud.pms.asset.registry.RegistryApi.scoped;
import static com.propcloud.pms.asset.registry.RegistryApi.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.propcloud.pms.asset.importing.Column;
import com.propcloud.pms.asset.importing.SheetImportController;
import com.propcloud.pms.asset.registry.RegistryApi;
import com.propcloud.pms.test.EventTap;
import com.propcloud.pms.test.UsesPmsInfrastructure;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Imports of the opening-balances sheet end to end over HTTP, against the real database and broker:
 * files are generated here, uploaded, dry-run, committed, listed, totalled, exported and imported back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesPmsInfrastructure
class OpeningBalanceImportIT {

    static final String BASE = "/api/v1/opening-balances";
    static final String IMPORTS = BASE + "/imports";
    static final List<String> HEADER =
            OpeningBalanceSheet.COLUMNS.stream().map(Column::header).toList();

    private static EventTap events;

    private final UUID tenant = UUID.randomUUID();
    private RegistryApi api;
    private String project;
    private String unit101;

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @BeforeAll
    static void listen() {
        events = EventTap.bind("asset.opening-balance.#");
    }

    @AfterAll
    static void close() {
        events.close();
    }

    /** A project with building A: units 101 and 102 on floor 1, 201 on floor 2. */
    @BeforeEach
    void project() throws Exception {
        api = new RegistryApi(port);
        project = api.project(hq(tenant), unique("OB-"));
        String building = api.building(hq(tenant), project, "A", 10, 0);
        unit101 = api.unit(hq(tenant), building, "101", 1, "OCCUPIED");
        api.unit(hq(tenant), building, "102", 1, "OCCUPIED");
        api.unit(hq(tenant), building, "201", 2, "VACANT");
    }

    /** A row of building A; a null late fee or note is a blank cell. */
    static List<Object> row(String unit, String feeItem, String period, Object amount, Object lateFee, Object note) {
        List<Object> row = new ArrayList<>(List.of("A", unit, feeItem, period, amount));
        row.add(lateFee);
        row.add(note);
        return row;
    }

    static byte[] workbook(List<List<Object>> rows) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "test", "1.0");
        Worksheet sheet = workbook.newWorksheet("Balances");
        for (int c = 0; c < HEADER.size(); c++) {
            sheet.value(0, c, HEADER.get(c));
        }
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).size(); c++) {
                Object value = rows.get(r).get(c);
                if (value instanceof Number number) {
                    sheet.value(r + 1, c, number);
                } else if (value != null) {
                    sheet.value(r + 1, c, value.toString());
                }
            }
        }
        workbook.finish();
        return out.toByteArray();
    }

    JsonNode upload(byte[] content) throws Exception {
        return body(
                api.upload(
                        IMPORTS + "?projectId=" + project,
                        hq(tenant),
                        "balances.xlsx",
                        SheetImportController.XLSX,
                        content),
                201);
    }

    JsonNode commit(JsonNode imported) throws Exception {
        return body(api.post(IMPORTS + "/" + RegistryApi.id(imported) + "/commit", hq(tenant), ""), 200);
    }

    JsonNode list(String query) throws Exception {
        return body(api.get(BASE + "?projectId=" + project + query, hq(tenant)), 200);
    }

    /** The project's balance events in the outbox, sent or not: what commits appended. */
    long recordedEvents() {
        Long count = new JdbcTemplate(dataSource)
                .queryForObject(
                        "select count(*) from outbox_event where type = 'asset.opening-balance.recorded'"
                                + " and project_id = ?",
                        Long.class,
                        UUID.fromString(project));
        return count == null ? 0 : count;
    }

    static void counts(JsonNode imported, int rows, int toCreate, int toUpdate, int unchanged, int errors) {
        JsonNode counts = imported.path("counts");
        assertThat(List.of(
                        counts.path("rows").asInt(),
                        counts.path("toCreate").asInt(),
                        counts.path("toUpdate").asInt(),
                        counts.path("unchanged").asInt(),
                        counts.path("errors").asInt()))
                .as(imported.toString())
                .containsExactly(rows, toCreate, toUpdate, unchanged, errors);
    }

    static final List<List<Object>> GOOD = List.of(
            row("101", "物业费", "2024-05", 356.80, 12.5, "旧系统导入"),
            row("101", "水费", "2024-05", "45.3", null, null),
            row("102", "物业费", "2024-04", 200, 0, null),
            row("201", "电费", "2024/6", "88.00", null, "停车场 B2"));

    @Nested
    class GoodFiles {

        @Test
        void aWorkbookIsDryRunThenCommittedWithOneEventPerBalance() throws Exception {
            JsonNode imported = upload(workbook(GOOD));
            assertThat(imported.path("status").asString()).isEqualTo("VALIDATED");
            counts(imported, 4, 4, 0, 0, 0);
            assertThat(list("").path("totalElements").asInt())
                    .as("a dry run writes nothing")
                    .isZero();

            assertThat(commit(imported).path("status").asString()).isEqualTo("COMMITTED");
            assertThat(list("").path("totalElements").asInt()).isEqualTo(4);
            assertThat(list("&unitId=" + unit101).path("totalElements").asInt()).isEqualTo(2);
            assertThat(list("&feeItem=物业费").path("totalElements").asInt()).isEqualTo(2);
            assertThat(list("&period=2024-05").path("totalElements").asInt()).isEqualTo(2);
            assertThat(recordedEvents()).isEqualTo(4);

            JsonNode first =
                    list("&unitId=" + unit101 + "&feeItem=物业费").path("content").get(0);
            JsonNode balance = body(api.get(BASE + "/" + RegistryApi.id(first), hq(tenant)), 200);
            assertThat(balance.path("period").asString()).isEqualTo("2024-05");
            assertThat(balance.path("amount").path("amount").asString()).isEqualTo("356.80");
            assertThat(balance.path("amount").path("currency").asString()).isEqualTo("CNY");
            assertThat(balance.path("lateFee").path("amount").asString()).isEqualTo("12.50");
            assertThat(balance.path("note").asString()).isEqualTo("旧系统导入");
            assertThat(balance.path("importId").asString()).isEqualTo(RegistryApi.id(imported));

            JsonNode event = events.await(EventTap.event("asset.opening-balance.recorded", RegistryApi.id(balance)));
            EventTap.assertSameShape(event, EventTap.golden("asset.opening-balance.recorded.v1.json"));
            JsonNode payload = event.path("payload");
            assertThat(List.of(
                            payload.path("unitId").asString(),
                            payload.path("projectId").asString(),
                            payload.path("feeItem").asString(),
                            payload.path("period").asString(),
                            payload.path("amount").asString(),
                            payload.path("lateFee").asString()))
                    .containsExactly(unit101, project, "物业费", "2024-05", "356.80", "12.50");
        }

        @Test
        void theSameFileTwiceChangesNothingAndAChangedAmountUpdates() throws Exception {
            commit(upload(workbook(GOOD)));

            JsonNode again = upload(workbook(GOOD));
            counts(again, 4, 0, 0, 4, 0);
            commit(again);
            assertThat(recordedEvents()).as("unchanged rows leave no events").isEqualTo(4);

            List<List<Object>> changed = new ArrayList<>(GOOD);
            changed.set(1, row("101", "水费", "2024-05", "45.31", null, null));
            changed.add(row("102", "水费", "2024-05", "0.01", null, null));
            JsonNode update = upload(workbook(changed));
            counts(update, 5, 1, 1, 3, 0);
            commit(update);
            assertThat(recordedEvents()).isEqualTo(6);
            JsonNode water = list("&unitId=" + unit101 + "&feeItem=水费").path("content");
            assertThat(water).hasSize(1);
            assertThat(water.get(0).path("amount").path("amount").asString()).isEqualTo("45.31");
            assertThat(water.get(0).path("importId").asString()).isEqualTo(RegistryApi.id(update));
        }

        @Test
        void aGbkCsvIsReadInItsEncoding() throws Exception {
            String csv = String.join(",", HEADER) + "\r\n" + "A,102,物业费,2024年5月,1200.5,,押金已抵扣\r\n";
            JsonNode imported = body(
                    api.upload(
                            IMPORTS + "?projectId=" + project,
                            hq(tenant),
                            "balances.csv",
                            "text/csv",
                            csv.getBytes(Charset.forName("GBK"))),
                    201);
            counts(imported, 1, 1, 0, 0, 0);
            commit(imported);
            JsonNode balance = list("&feeItem=物业费").path("content").get(0);
            assertThat(balance.path("period").asString()).isEqualTo("2024-05");
            assertThat(balance.path("amount").path("amount").asString()).isEqualTo("1200.50");
            assertThat(balance.path("note").asString()).isEqualTo("押金已抵扣");
        }

        @Test
        void anExportImportsBackUnchanged() throws Exception {
            List<List<Object>> rows = new ArrayList<>(GOOD);
            rows.add(row("201", "停车费", "2023-12", "0.10", "999999999999.99", "车位 B-017"));
            commit(upload(workbook(rows)));

            HttpResponse<byte[]> export = api.download(BASE + "/export?projectId=" + project, hq(tenant));
            assertThat(export.statusCode()).isEqualTo(200);
            JsonNode imported = upload(export.body());
            counts(imported, 5, 0, 0, 5, 0);
        }

        @Test
        void theSummaryTotalsExactlyPerFeeItem() throws Exception {
            commit(upload(workbook(List.of(
                    row("101", "水费", "2024-01", "0.10", null, null),
                    row("102", "水费", "2024-01", "0.20", null, null),
                    row("201", "物业费", "2024-01", "100.05", "0.01", null)))));

            JsonNode summary = body(api.get(BASE + "/summary?projectId=" + project, hq(tenant)), 200);
            assertThat(summary.path("balances").asInt()).isEqualTo(3);
            assertThat(List.of(
                            summary.path("amount").path("amount").asString(),
                            summary.path("lateFee").path("amount").asString(),
                            summary.path("total").path("amount").asString()))
                    .containsExactly("100.35", "0.01", "100.36");
            List<String> items = new ArrayList<>();
            summary.path("feeItems")
                    .forEach(item -> items.add(item.path("feeItem").asString() + " "
                            + item.path("balances").asInt() + " "
                            + item.path("amount").path("amount").asString() + " "
                            + item.path("lateFee").path("amount").asString() + " "
                            + item.path("total").path("amount").asString()));
            assertThat(items).containsExactlyInAnyOrder("水费 2 0.30 0.00 0.30", "物业费 1 100.05 0.01 100.06");
        }
    }

    @Nested
    class BadFiles {

        @Test
        void everyBadRowIsReportedWithRowAndColumnAndNothingIsWritten() throws Exception {
            JsonNode imported = upload(workbook(List.of(
                    row("101", "物业费", "2024-05", "10", null, null),
                    row("101", "物业费", "2024-06", "1.005", null, null),
                    row("101", "物业费", "2024-07", "-5", null, null),
                    row("101", "物业费", "2024-08", "eighty", null, null),
                    row("999", "物业费", "2024-05", "10", null, null),
                    List.of("Z", "101", "物业费", "2024-05", "10"),
                    row("102", "物业费", "2024-13", "10", null, null),
                    row("101", "物业费", "2024-05", "20", null, null),
                    row("102", "水费", "2024-05", "10", "-1", null),
                    row("102", "水费", "2999-01", "10", null, null))));
            assertThat(imported.path("status").asString()).isEqualTo("INVALID");
            List<String> problems = new ArrayList<>();
            imported.path("problems")
                    .forEach(p -> problems.add(
                            p.path("row").asInt() + " " + p.path("column").asString() + " "
                                    + p.path("reason").asString()));
            assertThat(problems)
                    .as(problems.toString())
                    .hasSize(9)
                    .anyMatch(p -> p.startsWith("3 欠费金额 Amount owed") && p.contains("two decimals"))
                    .anyMatch(p -> p.startsWith("4 欠费金额 Amount owed") && p.contains("more than zero"))
                    .anyMatch(p -> p.startsWith("5 欠费金额 Amount owed") && p.contains("not a number"))
                    .anyMatch(p -> p.startsWith("6 房号 Unit number") && p.contains("no unit 999"))
                    .anyMatch(p -> p.startsWith("7 楼栋编号 Building code") && p.contains("no building Z"))
                    .anyMatch(p -> p.startsWith("8 所属月份 Period") && p.contains("not a month"))
                    .anyMatch(p -> p.startsWith("9 所属月份 Period") && p.contains("row 2"))
                    .anyMatch(p -> p.startsWith("10 滞纳金 Late fee") && p.contains("negative"))
                    .anyMatch(p -> p.startsWith("11 所属月份 Period") && p.contains("after this month"));

            problem(
                    api.post(IMPORTS + "/" + RegistryApi.id(imported) + "/commit", hq(tenant), ""),
                    409,
                    "import.not-committable");
            assertThat(list("").path("totalElements").asInt()).isZero();
            assertThat(recordedEvents()).isZero();
        }

        @Test
        void aListFilterThatIsNotAMonthIsRefused() throws Exception {
            problem(api.get(BASE + "?period=May", hq(tenant)), 400, "validation-failed");
        }
    }

    @Nested
    class Reach {

        @Test
        void anotherTenantsBalancesAndImportsAreNotFoundLikeMissingOnes() throws Exception {
            JsonNode imported = upload(workbook(GOOD));
            commit(imported);
            String id = RegistryApi.id(list("").path("content").get(0));
            String stranger = hq(UUID.randomUUID());
            RegistryApi.assertNotFoundLikeMissing(
                    api.get(BASE + "/" + id, stranger), api.get(BASE + "/" + UUID.randomUUID(), stranger), id);
            String importId = RegistryApi.id(imported);
            RegistryApi.assertNotFoundLikeMissing(
                    api.get(IMPORTS + "/" + importId, stranger),
                    api.get(IMPORTS + "/" + UUID.randomUUID(), stranger),
                    importId);
            assertThat(body(api.get(BASE + "?projectId=" + project, stranger), 200)
                            .path("totalElements")
                            .asInt())
                    .isZero();
            problem(api.get(BASE + "/summary?projectId=" + project, stranger), 404, "not-found");
            assertThat(api.download(BASE + "/export?projectId=" + project, stranger)
                            .statusCode())
                    .isEqualTo(404);
        }

        @Test
        void anotherProjectsManagerSeesNoneOfThem() throws Exception {
            commit(upload(workbook(GOOD)));
            String id = RegistryApi.id(list("").path("content").get(0));
            String manager = scoped(tenant, "PROJECT_MANAGER", UUID.randomUUID());
            RegistryApi.assertNotFoundLikeMissing(
                    api.get(BASE + "/" + id, manager), api.get(BASE + "/" + UUID.randomUUID(), manager), id);
            assertThat(body(api.get(BASE, manager), 200).path("totalElements").asInt())
                    .isZero();
            problem(api.get(BASE + "/summary?projectId=" + project, manager), 404, "not-found");
        }

        @Test
        void financeImportsAndTheFrontDeskOnlyReads() throws Exception {
            String finance = scoped(tenant, "FINANCE", UUID.fromString(project));
            HttpResponse<String> uploaded = api.upload(
                    IMPORTS + "?projectId=" + project, finance, "b.xlsx", SheetImportController.XLSX, workbook(GOOD));
            JsonNode imported = body(uploaded, 201);
            body(api.post(IMPORTS + "/" + RegistryApi.id(imported) + "/commit", finance, ""), 200);

            String desk = scoped(tenant, "FRONT_DESK", UUID.fromString(project));
            assertThat(api.upload(
                                    IMPORTS + "?projectId=" + project,
                                    desk,
                                    "b.xlsx",
                                    SheetImportController.XLSX,
                                    workbook(GOOD))
                            .statusCode())
                    .isEqualTo(403);
            assertThat(api.get(IMPORTS + "/" + RegistryApi.id(imported), desk).statusCode())
                    .isEqualTo(403);
            assertThat(body(api.get(BASE + "?projectId=" + project, desk), 200)
                            .path("totalElements")
                            .asInt())
                    .isEqualTo(4);
        }

        @Test
        void aUnitThatOwesCannotBeDeleted() throws Exception {
            commit(upload(workbook(List.of(row("101", "物业费", "2024-05", "10", null, null)))));
            problem(api.delete("/api/v1/units/" + unit101, hq(tenant)), 409, "unit.has-opening-balances");
        }
    }
}
