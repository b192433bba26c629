package com.propcloud.pms.asset.parking;

import static com.propcloud.pms.asset.importing.SheetFiles.counts;
import static com.propcloud.pms.asset.importing.SheetFiles.problems;
import static com.propcloud.pms.asset.importing.SheetFiles.reasons;
import static com.propcloud.pms.asset.registry.RegistryApi.body;
import static com.propcloud.pms.asset.registry.RegistryApi.hq;
import static com.propcloud.pms.asset.registry.RegistryApi.id;
import static com.propcloud.pms.asset.registry.RegistryApi.problem;
import static com.propcloud.pms.asset.registry.RegistryApi.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.propcloud.pms.asset.importing.SheetFiles;
import com.propcloud.pms.asset.importing.SheetImportController;
import com.propcloud.pms.asset.occupancy.People;
import com.propcloud.pms.asset.registry.RegistryApi;
import com.propcloud.pms.test.EventTap;
import com.propcloud.pms.test.UsesPmsInfrastructure;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Imports of the parking sheet end to end over HTTP against the real database: spaces created,
 * matched by zone and number on a second import, held by units named by building code and number,
 * refused whole when a row is wrong, and exported in the template's columns to import back unchanged.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesPmsInfrastructure
class ParkingImportIT {

    static final String IMPORTS = "/api/v1/parking-spaces/imports";
    static final List<String> HEADER = SheetFiles.header(ParkingSheet.COLUMNS);

    private final UUID tenant = UUID.randomUUID();

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    RegistryApi api;
    String project;
    String building;
    String unit101;
    String unit102;

    @BeforeEach
    void aProjectWithUnits() throws Exception {
        api = new RegistryApi(port);
        project = api.project(hq(tenant), unique("PI-"));
        building = api.building(hq(tenant), project, "A", 10, 1);
        unit101 = api.unit(hq(tenant), building, "101", 1, "OCCUPIED");
        unit102 = api.unit(hq(tenant), building, "102", 1, "OCCUPIED");
    }

    /** Row i of a generated file: every third space owned by unit A-101, the others rented or for visitors. */
    static List<Object> spaceRow(int i) {
        return new ArrayList<>(
                switch (i % 3) {
                    case 0 -> List.of("B1", "B1-%03d".formatted(i), "OWNED", "OCCUPIED", "A", "101");
                    case 1 -> List.of("B1", "B1-%03d".formatted(i), "RENTED", "AVAILABLE", "", "");
                    default -> List.of("B1", "B1-%03d".formatted(i), "VISITOR", "AVAILABLE", "", "");
                });
    }

    static byte[] workbook(int rows, IntFunction<List<Object>> row) throws Exception {
        return SheetFiles.workbook("Parking", HEADER, rows, row);
    }

    JsonNode uploadXlsx(byte[] content) throws Exception {
        return body(
                api.upload(
                        IMPORTS + "?projectId=" + project, hq(tenant), "p.xlsx", SheetImportController.XLSX, content),
                201);
    }

    JsonNode commit(JsonNode imported) throws Exception {
        return body(api.post(IMPORTS + "/" + id(imported) + "/commit", hq(tenant), ""), 200);
    }

    JsonNode spaces(String query) throws Exception {
        return body(api.get("/api/v1/parking-spaces?projectId=" + project + "&size=200&" + query, hq(tenant)), 200);
    }

    @Autowired
    JdbcTemplate outbox;

    /** The project's parking-space events in the outbox: what was (or will be) published. */
    int outboxEvents(String type) {
        return outbox.queryForObject(
                "select count(*) from outbox_event where project_id = ? and type = ?",
                Integer.class,
                UUID.fromString(project),
                type);
    }

    @Nested
    class GoodFiles {

        @Test
        void aFileCreatesItsSpacesAndTheSameFileAgainChangesNothing() throws Exception {
            byte[] file = workbook(300, ParkingImportIT::spaceRow);
            JsonNode imported = uploadXlsx(file);
            counts(imported, 300, 300, 0, 0, 0);
            assertThat(spaces("").path("totalElements").asLong())
                    .as("a dry run writes nothing")
                    .isZero();

            assertThat(commit(imported).path("status").asString()).isEqualTo("COMMITTED");
            assertThat(outboxEvents("asset.parking-space.created"))
                    .as("the API's event per new space")
                    .isEqualTo(300);
            JsonNode owned = spaces("type=OWNED");
            assertThat(owned.path("totalElements").asLong()).isEqualTo(100);
            assertThat(owned.path("content").get(0).path("unitId").asString()).isEqualTo(unit101);
            String updatedAt = owned.path("content").get(0).path("updatedAt").asString();

            JsonNode again = uploadXlsx(file);
            counts(again, 300, 0, 0, 300, 0);
            commit(again);
            assertThat(spaces("").path("totalElements").asLong()).isEqualTo(300);
            assertThat(outboxEvents("asset.parking-space.updated")).isZero();
            assertThat(spaces("type=OWNED")
                            .path("content")
                            .get(0)
                            .path("updatedAt")
                            .asString())
                    .as("an unchanged row is not written")
                    .isEqualTo(updatedAt);
        }

        @Test
        void aChangedRowUpdatesItsSpaceOnly() throws Exception {
            commit(uploadXlsx(workbook(30, ParkingImportIT::spaceRow)));

            JsonNode changed = uploadXlsx(workbook(30, i -> {
                List<Object> row = spaceRow(i);
                if (i == 4) {
                    row.set(2, "OWNED");
                    row.set(4, "A");
                    row.set(5, "102");
                }
                return row;
            }));
            counts(changed, 30, 0, 1, 29, 0);
            commit(changed);
            assertThat(outboxEvents("asset.parking-space.updated")).isEqualTo(1);
            JsonNode moved = spaces("unitId=" + unit102);
            assertThat(moved.path("content")).singleElement().satisfies(space -> assertThat(
                            space.path("number").asString())
                    .isEqualTo("B1-004"));
        }

        @Test
        void aGbkCsvWithChineseLabelsIsRead() throws Exception {
            String csv = String.join(",", HEADER) + "\r\n" + "地下二层,B2-001,自有,已占用,A,101\r\n" + "地下二层,B2-002,访客,,,\r\n";
            JsonNode imported = body(
                    api.upload(
                            IMPORTS + "?projectId=" + project,
                            hq(tenant),
                            "parking.csv",
                            "text/csv",
                            csv.getBytes(Charset.forName("GBK"))),
                    201);
            counts(imported, 2, 2, 0, 0, 0);
            commit(imported);
            JsonNode owned = spaces("zone=地下二层&type=OWNED").path("content");
            assertThat(owned).singleElement().satisfies(space -> {
                assertThat(space.path("status").asString()).isEqualTo("OCCUPIED");
                assertThat(space.path("unitId").asString()).isEqualTo(unit101);
            });
            assertThat(spaces("zone=地下二层&type=VISITOR")
                            .path("content")
                            .get(0)
                            .path("status")
                            .asString())
                    .isEqualTo("AVAILABLE");
        }

        @Test
        void anExportImportsBackUnchanged() throws Exception {
            api.created("/api/v1/parking-spaces", hq(tenant), """
                    {"projectId":"%s","zone":"B1","number":"018","type":"OWNED","status":"OCCUPIED",
                     "unitId":"%s"}""".formatted(project, unit102));
            api.created("/api/v1/parking-spaces", hq(tenant), """
                    {"projectId":"%s","zone":"B1","number":"019","type":"VISITOR"}""".formatted(project));
            api.created("/api/v1/parking-spaces", hq(tenant), """
                    {"projectId":"%s","zone":"地面","number":"P-7","type":"RENTED","status":"RESERVED"}""".formatted(project));

            HttpResponse<byte[]> export =
                    api.download("/api/v1/parking-spaces/export?projectId=" + project, hq(tenant));
            assertThat(export.statusCode()).isEqualTo(200);
            List<List<String>> rows = SheetFiles.rows(export.body());
            assertThat(rows.get(0)).isEqualTo(HEADER);
            assertThat(rows).contains(List.of("B1", "018", "OWNED", "OCCUPIED", "A", "102"));
            counts(uploadXlsx(export.body()), 3, 0, 0, 3, 0);
        }

        @Test
        void theTemplatesSampleRowValidatesOnceItsUnitExists() throws Exception {
            String one = api.building(hq(tenant), project, "1", 20, 0);
            api.unit(hq(tenant), one, "1-1203", 12, "OCCUPIED");
            HttpResponse<byte[]> template = api.download(IMPORTS + "/template", hq(tenant));
            assertThat(SheetFiles.rows(template.body())).hasSize(2);
            counts(uploadXlsx(template.body()), 1, 1, 0, 0, 0);
        }
    }

    @Nested
    class BadFiles {

        @Test
        void oneBadRowAmongManyWritesNothingAndIsReportedWithItsRowAndColumn() throws Exception {
            JsonNode imported = uploadXlsx(workbook(600, i -> {
                List<Object> row = spaceRow(i);
                if (i == 421) {
                    row.set(2, "CASTLE");
                }
                return row;
            }));
            assertThat(imported.path("status").asString()).isEqualTo("INVALID");
            counts(imported, 600, 599, 0, 0, 1);
            assertThat(problems(imported)).singleElement().asString().startsWith("423 车位类型 Type");

            problem(api.post(IMPORTS + "/" + id(imported) + "/commit", hq(tenant), ""), 409, "import.not-committable");
            assertThat(spaces("").path("totalElements").asLong()).isZero();
        }

        @Test
        void everyRuleIsReportedWithRowAndColumn() throws Exception {
            List<List<Object>> rows = List.of(
                    List.of("B1", "001", "OWNED", "", "A", "101"),
                    List.of("B1", "001", "RENTED", "", "", ""),
                    List.of("B1", "002", "自有", "LOST", "A", ""),
                    List.of("B1", "003", "VISITOR", "", "", "101"),
                    List.of("B1", "004", "OWNED", "", "Z", "101"),
                    List.of("B1", "005", "OWNED", "", "A", "999"),
                    List.of("", "006", "", "", "", ""),
                    List.of("B1", "0".repeat(33), "VISITOR", "", "", ""));
            JsonNode imported = uploadXlsx(workbook(rows.size(), i -> new ArrayList<>(rows.get(i))));
            assertThat(imported.path("status").asString()).isEqualTo("INVALID");
            assertThat(problems(imported))
                    .anyMatch(p -> p.startsWith("3 车位号 Space number") && p.contains("row 2"))
                    .anyMatch(p -> p.startsWith("4 车位状态 Status") && p.contains("unknown value"))
                    .anyMatch(p -> p.startsWith("4 房号 Unit number") && p.contains("or neither"))
                    .anyMatch(p -> p.startsWith("5 楼栋编号 Building code") && p.contains("or neither"))
                    .anyMatch(p -> p.startsWith("6 楼栋编号 Building code") && p.contains("no building with code Z"))
                    .anyMatch(p -> p.startsWith("7 房号 Unit number") && p.contains("no unit numbered 999"))
                    .anyMatch(p -> p.startsWith("8 区域 Zone") && p.contains("required"))
                    .anyMatch(p -> p.startsWith("8 车位类型 Type") && p.contains("required"))
                    .anyMatch(p -> p.startsWith("9 车位号 Space number") && p.contains("at most 32"))
                    .hasSize(9);
        }

        @Test
        void aWrongTemplateIsOneProblem() throws Exception {
            List<String> units = List.of("楼栋编号 Building code", "楼栋名称 Building name", "地上层数 Floors above");
            JsonNode imported = uploadXlsx(SheetFiles.workbook("Units", units, 50, i -> List.of("A", "A栋", 10)));
            counts(imported, 0, 0, 0, 0, 1);
            assertThat(reasons(imported)).singleElement().asString().contains("does not match the template");
        }

        @Test
        void aSpaceHeldThroughAStayKeepsItsUnit() throws Exception {
            EventTap tap = EventTap.bind("asset.occupancy.#");
            try {
                UUID person = new People(tap, dataSource).person(tenant, "王芳");
                String stay = id(api.created(
                        "/api/v1/units/" + unit101 + "/occupants",
                        hq(tenant),
                        "{\"personId\":\"%s\",\"role\":\"TENANT\",\"moveIn\":\"2025-07-01\"}".formatted(person)));
                api.created("/api/v1/parking-spaces", hq(tenant), """
                        {"projectId":"%s","zone":"B1","number":"050","type":"RENTED","status":"OCCUPIED",
                         "occupancyId":"%s"}""".formatted(project, stay));
            } finally {
                tap.close();
            }

            JsonNode kept = uploadXlsx(workbook(1, i -> List.of("B1", "050", "RENTED", "AVAILABLE", "A", "101")));
            counts(kept, 1, 0, 1, 0, 0);
            JsonNode moved = uploadXlsx(workbook(1, i -> List.of("B1", "050", "RENTED", "OCCUPIED", "A", "102")));
            assertThat(problems(moved))
                    .singleElement()
                    .asString()
                    .startsWith("2 房号 Unit number")
                    .contains("stay");
        }
    }

    @Nested
    class Reach {

        @Test
        void anotherTenantsImportIsNotFoundLikeAMissingOne() throws Exception {
            SheetFiles.assertHiddenFromAnotherTenant(
                    api, IMPORTS, id(uploadXlsx(workbook(1, ParkingImportIT::spaceRow))));
        }

        @Test
        void aUnitsImportIsNotFoundUnderParking() throws Exception {
            byte[] units = SheetFiles.workbook("Units", List.of("楼栋编号 Building code"), 1, i -> List.of("A"));
            String unitsImport = id(body(
                    api.upload(
                            "/api/v1/units/imports?projectId=" + project,
                            hq(tenant),
                            "u.xlsx",
                            SheetImportController.XLSX,
                            units),
                    201));
            assertThat(api.get(IMPORTS + "/" + unitsImport, hq(tenant)).statusCode())
                    .isEqualTo(404);
        }

        @Test
        void frontDeskMayNotImportButExports() throws Exception {
            SheetFiles.assertFrontDeskExportsOnly(
                    api, "/api/v1/parking-spaces", tenant, project, workbook(1, ParkingImportIT::spaceRow));
        }
    }
}
