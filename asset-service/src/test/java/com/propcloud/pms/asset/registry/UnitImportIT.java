package com.propcloud.pms.asset.registry;

import static com.propcloud.pms.asset.importing.SheetFiles.counts;
import static com.propcloud.pms.asset.importing.SheetFiles.problems;
import static com.propcloud.pms.asset.importing.SheetFiles.reasons;
import static com.propcloud.pms.asset.registry.RegistryApi.body;
import static com.propcloud.pms.asset.registry.RegistryApi.hq;
import static com.propcloud.pms.asset.registry.RegistryApi.problem;
import static com.propcloud.pms.asset.registry.RegistryApi.scoped;
import static com.propcloud.pms.asset.registry.RegistryApi.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.propcloud.pms.asset.importing.SheetFiles;
import com.propcloud.pms.asset.importing.SheetImportController;
import com.propcloud.pms.asset.importing.TableStatistics;
import com.propcloud.pms.test.EventTap;
import com.propcloud.pms.test.UsesPmsInfrastructure;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
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
 * Imports of the buildings+units sheet end to end over HTTP, against the real database and broker:
 * workbooks and CSV files are generated here, uploaded, dry-run, committed, exported and imported back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesPmsInfrastructure
class UnitImportIT {

    static final String IMPORTS = "/api/v1/units/imports";
    static final List<String> HEADER = SheetFiles.header(UnitSheet.COLUMNS);

    private static EventTap events;

    private final UUID tenant = UUID.randomUUID();
    private RegistryApi api;
    private String project;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    /** How often the table was analysed on request (autovacuum's own analyses are counted apart). */
    long analyses(String table) {
        Long count = jdbc.queryForObject(
                "select analyze_count from pg_stat_user_tables where relname = ?", Long.class, table);
        return count == null ? 0 : count;
    }

    @BeforeAll
    static void listen() {
        events = EventTap.bind("asset.#");
    }

    @AfterAll
    static void close() {
        events.close();
    }

    @BeforeEach
    void project() throws Exception {
        api = new RegistryApi(port);
        project = api.project(hq(tenant), unique("IM-"));
    }

    /** Row i (0-based) of a generated file: {@code buildings} buildings of 60 floors, 10 units a floor. */
    static List<Object> unitRow(int i, int buildings) {
        int building = i % buildings + 1;
        int n = i / buildings;
        int floor = n / 10 + 1;
        return new ArrayList<>(List.of(
                "B" + building,
                building + "号楼",
                60,
                2,
                2,
                floor + "-" + (n % 10 + 1),
                floor,
                "1",
                "APARTMENT",
                "89.50",
                "72.30",
                "VACANT",
                "2024-06-30"));
    }

    static byte[] workbook(List<String> header, int rows, IntFunction<List<Object>> row) throws Exception {
        return SheetFiles.workbook("Units", header, rows, row);
    }

    JsonNode upload(byte[] content, String fileName, String type) throws Exception {
        return body(api.upload(IMPORTS + "?projectId=" + project, hq(tenant), fileName, type, content), 201);
    }

    JsonNode uploadXlsx(byte[] content) throws Exception {
        return upload(content, "units.xlsx", SheetImportController.XLSX);
    }

    JsonNode commit(JsonNode imported) throws Exception {
        return body(api.post(IMPORTS + "/" + RegistryApi.id(imported) + "/commit", hq(tenant), ""), 200);
    }

    long units() throws Exception {
        return body(api.get("/api/v1/units?projectId=" + project, hq(tenant)), 200)
                .path("totalElements")
                .asLong();
    }

    @Nested
    class GoodFiles {

        @Test
        void aWorkbookOfThousandsOfRowsIsDryRunThenCommittedWithItsEvents() throws Exception {
            JsonNode imported = uploadXlsx(workbook(HEADER, 3000, i -> unitRow(i, 6)));
            assertThat(imported.path("status").asString()).isEqualTo("VALIDATED");
            counts(imported, 3000, 3000, 0, 0, 0);
            assertThat(units()).as("a dry run writes nothing").isZero();

            JsonNode committed = commit(imported);
            assertThat(committed.path("status").asString()).isEqualTo("COMMITTED");
            assertThat(units()).isEqualTo(3000);
            JsonNode tree = body(api.get("/api/v1/projects/" + project + "/tree", hq(tenant)), 200);
            assertThat(tree.path("buildings")).hasSize(6);

            String unit = RegistryApi.ids(body(
                            api.get("/api/v1/units?projectId=" + project + "&numberPrefix=30-10", hq(tenant)), 200))
                    .get(0);
            JsonNode event = events.await(EventTap.event("asset.unit.created", unit));
            EventTap.assertSameShape(event, EventTap.golden("asset.unit.created.v1.json"));
            assertThat(event.path("projectId").asString()).isEqualTo(project);
        }

        /**
         * A bulk commit leaves the planner statistics of what it filled current (a project's first import
         * would otherwise be planned as the empty tables they were); a handful of rows leaves them be.
         */
        @Test
        void aBulkCommitRefreshesTheStatisticsOfTheTablesItFilled() throws Exception {
            long before = analyses("unit");
            commit(uploadXlsx(workbook(HEADER, 12, i -> unitRow(i, 2))));
            assertThat(analyses("unit")).as("12 rows are no bulk write").isEqualTo(before);

            commit(uploadXlsx(workbook(HEADER, TableStatistics.BULK_ROWS, i -> unitRow(i + 12, 2))));

            await().atMost(Duration.ofSeconds(10)).until(() -> analyses("unit") > before);
            assertThat(analyses("building")).isPositive();
            Long known = jdbc.queryForObject(
                    "select reltuples::bigint from pg_class where oid = 'unit'::regclass", Long.class);
            assertThat(known).isGreaterThanOrEqualTo(TableStatistics.BULK_ROWS + 12L);
        }

        @Test
        void onlyTheTablesImportsFillMayBeAnalysedThroughTheFunction() {
            assertThatThrownBy(() -> jdbc.execute("select refresh_statistics(array['unit', 'outbox_event'])"))
                    .rootCause()
                    .hasMessageContaining("outbox_event is not a table imports fill");
        }

        @Test
        void theSameFileTwiceChangesNothingAndChangedRowsUpdate() throws Exception {
            byte[] file = workbook(HEADER, 200, i -> unitRow(i, 2));
            commit(uploadXlsx(file));

            JsonNode again = uploadXlsx(file);
            counts(again, 200, 0, 0, 200, 0);
            commit(again);

            byte[] changed = workbook(HEADER, 201, i -> {
                List<Object> row = unitRow(i, 2);
                if (i == 7) {
                    row.set(11, "RENTED");
                }
                return row;
            });
            JsonNode update = uploadXlsx(changed);
            counts(update, 201, 1, 1, 199, 0);
            commit(update);
            assertThat(units()).isEqualTo(201);
            assertThat(body(api.get("/api/v1/units?projectId=" + project + "&status=RENTED", hq(tenant)), 200)
                            .path("totalElements")
                            .asLong())
                    .isEqualTo(1);
        }

        @Test
        void aCommitAfterTheRegistryChangedUnderTheFileFailsWholeAndOnlyOnce() throws Exception {
            commit(uploadXlsx(workbook(HEADER, 20, i -> unitRow(i, 1))));
            // the same units, their building narrowed to five floors: fine for the file's own units
            JsonNode narrowed = uploadXlsx(workbook(HEADER, 20, i -> {
                List<Object> row = unitRow(i, 1);
                row.set(2, 5);
                return row;
            }));
            counts(narrowed, 20, 0, 0, 20, 0);
            String building = RegistryApi.ids(body(api.get("/api/v1/buildings?projectId=" + project, hq(tenant)), 200))
                    .get(0);
            api.unit(hq(tenant), building, "5001", 50, "VACANT");

            String commit = IMPORTS + "/" + RegistryApi.id(narrowed) + "/commit";
            problem(api.post(commit, hq(tenant), ""), 409, "import.failed");
            JsonNode failed = body(api.get(IMPORTS + "/" + RegistryApi.id(narrowed), hq(tenant)), 200);
            assertThat(failed.path("status").asString()).isEqualTo("FAILED");
            assertThat(failed.path("counts").path("errors").asInt()).isEqualTo(1);
            problem(api.post(commit, hq(tenant), ""), 409, "import.not-committable");
            JsonNode unchanged = body(api.get("/api/v1/buildings/" + building, hq(tenant)), 200);
            assertThat(unchanged.path("floorsAbove").asInt()).isEqualTo(60);
        }

        @Test
        void aGbkCsvIsReadInItsEncoding() throws Exception {
            String csv = String.join(",", HEADER) + "\r\n" + "A,甲栋,10,0,1,101,1,,住宅,100.00,,空置,2024/6/30\r\n";
            JsonNode imported = upload(csv.getBytes(Charset.forName("GBK")), "units.csv", "text/csv");
            counts(imported, 1, 1, 0, 0, 0);
            commit(imported);
            JsonNode buildings = body(api.get("/api/v1/buildings?projectId=" + project, hq(tenant)), 200);
            assertThat(buildings.path("content").get(0).path("name").asString()).isEqualTo("甲栋");
        }

        @Test
        void aUtf8CsvWithAByteOrderMarkIsRead() throws Exception {
            String csv = "\uFEFF" + String.join(",", HEADER) + "\n" + "A,甲栋,10,0,1,101,1,,APARTMENT,100,,VACANT,\n";
            counts(upload(csv.getBytes(StandardCharsets.UTF_8), "units.csv", "text/csv"), 1, 1, 0, 0, 0);
        }

        @Test
        void anExportImportsBackUnchanged() throws Exception {
            String building = api.building(hq(tenant), project, "E1", 5, 1);
            api.unit(hq(tenant), building, "101", 1, "OCCUPIED");
            api.unit(hq(tenant), building, "B01", -1, "VACANT");
            api.created(
                    "/api/v1/units",
                    hq(tenant),
                    "{\"buildingId\":\"" + building + "\",\"number\":\"501\",\"floor\":5,\"entrance\":\"2\","
                            + "\"type\":\"SHOP\",\"grossArea\":120.35,\"innerArea\":99.9,\"status\":\"RENTED\","
                            + "\"handoverDate\":\"2023-01-15\"}");

            HttpResponse<byte[]> export = api.download("/api/v1/units/export?projectId=" + project, hq(tenant));
            assertThat(export.statusCode()).isEqualTo(200);
            JsonNode imported = uploadXlsx(export.body());
            counts(imported, 3, 0, 0, 3, 0);
        }

        @Test
        void theTemplateHasTheBilingualHeaderAndASampleRowThatValidates() throws Exception {
            HttpResponse<byte[]> template = api.download(IMPORTS + "/template", hq(tenant));
            assertThat(template.statusCode()).isEqualTo(200);
            try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(template.body()))) {
                List<Row> rows = workbook.getFirstSheet().read();
                assertThat(rows.get(0).stream().map(c -> c.getText()).toList()).isEqualTo(HEADER);
                assertThat(rows).hasSize(2);
            }
            counts(uploadXlsx(template.body()), 1, 1, 0, 0, 0);
        }
    }

    @Nested
    class BadFiles {

        @Test
        void oneBadRowAmongThousandsWritesNothingAndIsReportedWithItsRow() throws Exception {
            JsonNode imported = uploadXlsx(workbook(HEADER, 2000, i -> {
                List<Object> row = unitRow(i, 4);
                if (i == 1499) {
                    row.set(9, "eighty");
                }
                return row;
            }));
            assertThat(imported.path("status").asString()).isEqualTo("INVALID");
            counts(imported, 2000, 1999, 0, 0, 1);
            JsonNode only = imported.path("problems").get(0);
            assertThat(only.path("row").asInt()).isEqualTo(1501);
            assertThat(only.path("column").asString()).isEqualTo("建筑面积 Gross area");
            assertThat(only.path("sheet").asString()).isEqualTo("Units");

            problem(
                    api.post(IMPORTS + "/" + RegistryApi.id(imported) + "/commit", hq(tenant), ""),
                    409,
                    "import.not-committable");
            assertThat(units()).isZero();

            HttpResponse<byte[]> report =
                    api.download(IMPORTS + "/" + RegistryApi.id(imported) + "/report", hq(tenant));
            assertThat(report.statusCode()).isEqualTo(200);
            try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(report.body()))) {
                List<Row> rows = workbook.getFirstSheet().read();
                assertThat(rows).hasSize(2001);
                assertThat(rows.get(1500).getCellText(13)).contains("建筑面积 Gross area");
                assertThat(rows.get(1499).getCellText(13)).isEmpty();
            }
        }

        @Test
        void everyRuleIsReportedWithRowAndColumn() throws Exception {
            List<List<Object>> rows = List.of(
                    List.of("A", "A栋", 10, 0, 1, "101", 1, "", "APARTMENT", "90", "", "VACANT", ""),
                    List.of("A", "A栋", 10, 0, 1, "101", 1, "", "APARTMENT", "90", "", "VACANT", ""),
                    List.of("A", "A栋", 10, 0, 1, "102", 11, "", "APARTMENT", "90", "", "VACANT", ""),
                    List.of("A", "A栋", 10, 0, 1, "103", 1, "", "CASTLE", "90", "95", "LOST", "someday"),
                    List.of("", "", "", "", "", "104", 1, "", "APARTMENT", "-3", "", "", ""),
                    List.of("A", "A栋", 10, 0, 1, "105", 1, "", "APARTMENT", "90.123", "", "", ""));
            JsonNode imported = uploadXlsx(workbook(HEADER, rows.size(), i -> new ArrayList<>(rows.get(i))));
            assertThat(imported.path("status").asString()).isEqualTo("INVALID");
            assertThat(problems(imported))
                    .anyMatch(p -> p.startsWith("3 房号 Unit number") && p.contains("row 2"))
                    .anyMatch(p -> p.startsWith("4 楼层 Floor") && p.contains("outside"))
                    .anyMatch(p -> p.startsWith("5 房屋类型 Unit type"))
                    .anyMatch(p -> p.startsWith("5 套内面积 Inner area"))
                    .anyMatch(p -> p.startsWith("5 房屋状态 Status"))
                    .anyMatch(p -> p.startsWith("5 交付日期 Handover date"))
                    .anyMatch(p -> p.startsWith("6 楼栋编号 Building code") && p.contains("required"))
                    .anyMatch(p -> p.startsWith("6 楼栋名称 Building name"))
                    .anyMatch(p -> p.startsWith("6 地上层数 Floors above"))
                    .anyMatch(p -> p.startsWith("6 建筑面积 Gross area") && p.contains("positive"))
                    .anyMatch(p -> p.startsWith("7 建筑面积 Gross area") && p.contains("two decimals"));
            JsonNode paged = body(
                    api.get(IMPORTS + "/" + RegistryApi.id(imported) + "/problems?page=0&size=2", hq(tenant)), 200);
            assertThat(paged.path("content")).hasSize(2);
            assertThat(paged.path("totalElements").asInt())
                    .isEqualTo(imported.path("counts").path("errors").asInt());
        }

        @Test
        void aFormulaCellIsRefusedWithAClearReason() throws Exception {
            JsonNode imported = uploadXlsx(workbook(HEADER, 3, i -> {
                List<Object> row = unitRow(i, 1);
                if (i == 1) {
                    row.set(9, "=40+49.5");
                }
                return row;
            }));
            counts(imported, 3, 2, 0, 0, 1);
            assertThat(reasons(imported)).singleElement().asString().contains("formula");
        }

        @Test
        void anEmptySheetIsOneProblem() throws Exception {
            JsonNode imported = uploadXlsx(workbook(HEADER, 0, i -> List.of()));
            assertThat(imported.path("status").asString()).isEqualTo("INVALID");
            assertThat(reasons(imported)).singleElement().asString().contains("empty");
        }

        @Test
        void aWrongTemplateIsOneProblemNotOnePerRow() throws Exception {
            List<String> other = List.of("姓名 Name", "手机 Phone", "房号 Unit number");
            JsonNode imported = uploadXlsx(workbook(other, 500, i -> List.of("Zhang " + i, "139" + i, "101")));
            counts(imported, 0, 0, 0, 0, 1);
            assertThat(reasons(imported)).singleElement().asString().contains("does not match the template");
        }

        @Test
        void anOldXlsOrOtherFileIsRefused() throws Exception {
            problem(
                    api.upload(
                            IMPORTS + "?projectId=" + project, hq(tenant), "units.pdf", "application/pdf", new byte[] {
                                1, 2, 3
                            }),
                    415,
                    "import.unsupported-format");
        }

        @Test
        void aTenMegabyteFileIsAccepted() throws Exception {
            byte[] large = new byte[10 * 1024 * 1024];
            JsonNode imported = upload(large, "units.csv", "text/csv");
            assertThat(imported.path("status").asString()).isEqualTo("INVALID");
        }

        @Test
        void aFileOverFiftyMebibytesIs413() throws Exception {
            byte[] huge = new byte[60 * 1024 * 1024];
            problem(
                    api.upload(IMPORTS + "?projectId=" + project, hq(tenant), "units.csv", "text/csv", huge),
                    413,
                    "import.too-large");
        }
    }

    @Nested
    class Reach {

        @Test
        void anotherTenantsImportIsNotFoundLikeAMissingOne() throws Exception {
            String id = RegistryApi.id(uploadXlsx(workbook(HEADER, 1, i -> unitRow(i, 1))));
            String stranger = hq(UUID.randomUUID());
            RegistryApi.assertNotFoundLikeMissing(
                    api.get(IMPORTS + "/" + id, stranger), api.get(IMPORTS + "/" + UUID.randomUUID(), stranger), id);
            problem(api.post(IMPORTS + "/" + id + "/commit", stranger, ""), 404, "not-found");
        }

        @Test
        void anotherProjectsManagerNeitherSeesNorUploads() throws Exception {
            String id = RegistryApi.id(uploadXlsx(workbook(HEADER, 1, i -> unitRow(i, 1))));
            String manager = scoped(tenant, "PROJECT_MANAGER", UUID.randomUUID());
            RegistryApi.assertNotFoundLikeMissing(
                    api.get(IMPORTS + "/" + id, manager), api.get(IMPORTS + "/" + UUID.randomUUID(), manager), id);
            problem(
                    api.upload(
                            IMPORTS + "?projectId=" + project,
                            manager,
                            "u.xlsx",
                            SheetImportController.XLSX,
                            workbook(HEADER, 1, i -> unitRow(i, 1))),
                    422,
                    "import.project-not-found");
        }

        @Test
        void theProjectsManagerImportsAndFrontDeskMayNot() throws Exception {
            String manager = scoped(tenant, "PROJECT_MANAGER", UUID.fromString(project));
            HttpResponse<String> uploaded = api.upload(
                    IMPORTS + "?projectId=" + project,
                    manager,
                    "u.xlsx",
                    SheetImportController.XLSX,
                    workbook(HEADER, 1, i -> unitRow(i, 1)));
            assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
            String desk = scoped(tenant, "FRONT_DESK", UUID.fromString(project));
            assertThat(api.get(IMPORTS + "/" + RegistryApi.id(body(uploaded, 201)), desk)
                            .statusCode())
                    .isEqualTo(403);
            assertThat(api.download("/api/v1/units/export?projectId=" + project, desk)
                            .statusCode())
                    .isEqualTo(200);
        }
    }
}
