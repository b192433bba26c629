package com.propcloud.pms.asset.equipment;

import static com.propcloud.pms.asset.importing.SheetFiles.counts;
import static com.propcloud.pms.asset.importing.SheetFiles.problems;
import static com.propcloud.pms.asset.importing.SheetFiles.reasons;
import static com.propcloud.pms.asset.registry.RegistryApi.body;
import static com.propcloud.pms.asset.registry.RegistryApi.hq;
import static com.propcloud.pms.asset.registry.RegistryApi.id;
import static com.propcloud.pms.asset.registry.RegistryApi.problem;
import static com.propcloud.pms.asset.registry.RegistryApi.scoped;
import static com.propcloud.pms.asset.registry.RegistryApi.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.propcloud.pms.asset.importing.SheetFiles;
import com.propcloud.pms.asset.importing.SheetImportController;
import com.propcloud.pms.asset.registry.RegistryApi;
import com.propcloud.pms.test.EventTap;
import com.propcloud.pms.test.UsesPmsInfrastructure;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;
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
 * Imports of the equipment ledger sheet end to end over HTTP against the real database and broker:
 * items matched by their ledger number, the API's events and the elevators' default plans, nothing
 * written when a row is wrong, and an export that imports back unchanged.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "asset.schedule.enabled=false")
@UsesPmsInfrastructure
class EquipmentImportIT {

    static final String IMPORTS = "/api/v1/equipment/imports";
    static final List<String> HEADER = SheetFiles.header(EquipmentSheet.COLUMNS);

    private static EventTap events;

    private final UUID tenant = UUID.randomUUID();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    RegistryApi api;
    String project;
    String building;

    @BeforeAll
    static void listen() {
        events = EventTap.bind("asset.equipment.*");
    }

    @AfterAll
    static void close() {
        events.close();
    }

    @BeforeEach
    void aProjectWithABuilding() throws Exception {
        api = new RegistryApi(port);
        project = api.project(hq(tenant), unique("EI-"));
        building = api.building(hq(tenant), project, "A", 20, 2);
    }

    /** Row i of a generated ledger: every fourth item an elevator of building A, the rest pumps and cameras. */
    static List<Object> itemRow(int i) {
        return new ArrayList<>(
                switch (i % 4) {
                    case 0 ->
                        List.of(
                                "DT-%03d".formatted(i),
                                i % 8 == 0 ? "电梯" : "ELEVATOR",
                                "A栋客梯 " + i,
                                "奥的斯 Otis",
                                "GeN2",
                                "OTIS-" + i,
                                "A",
                                1,
                                "大堂 Lobby",
                                "2024-03-01",
                                "2027-02-28",
                                "IN_SERVICE",
                                15);
                    case 1 ->
                        List.of(
                                "SB-%03d".formatted(i),
                                "水泵",
                                "生活水泵 " + i,
                                "格兰富",
                                "",
                                "",
                                "",
                                -1,
                                "B1 pump room",
                                "2024-03-01",
                                "",
                                "在用",
                                30);
                    default ->
                        List.of("JK-%03d".formatted(i), "CCTV", "Camera " + i, "", "", "", "", "", "", "", "", "", "");
                });
    }

    static byte[] workbook(int rows, IntFunction<List<Object>> row) throws Exception {
        return SheetFiles.workbook("Ledger", HEADER, rows, row);
    }

    JsonNode uploadXlsx(byte[] content) throws Exception {
        return body(
                api.upload(
                        IMPORTS + "?projectId=" + project, hq(tenant), "e.xlsx", SheetImportController.XLSX, content),
                201);
    }

    JsonNode commit(JsonNode imported) throws Exception {
        return body(api.post(IMPORTS + "/" + id(imported) + "/commit", hq(tenant), ""), 200);
    }

    JsonNode items(String query) throws Exception {
        return body(api.get("/api/v1/equipment?projectId=" + project + "&size=200&" + query, hq(tenant)), 200);
    }

    /** The item of this ledger number, as the list shows it. */
    JsonNode item(String code) throws Exception {
        for (JsonNode item : items("").path("content")) {
            if (item.path("code").asString().equals(code)) {
                return item;
            }
        }
        throw new AssertionError("No item " + code);
    }

    int plans() throws Exception {
        return body(api.get("/api/v1/maintenance-plans?projectId=" + project, hq(tenant)), 200)
                .path("totalElements")
                .asInt();
    }

    /** The project's equipment events in the outbox: what was (or will be) published. */
    int outboxEvents() {
        return jdbc.queryForObject(
                "select count(*) from outbox_event where project_id = ? and type like 'asset.equipment.%'",
                Integer.class, UUID.fromString(project));
    }

    @Nested
    class GoodFiles {

        @Test
        void aLedgerIsCreatedWithTheApisEventsAndElevatorPlansAndAgainChangesNothing() throws Exception {
            byte[] file = workbook(120, EquipmentImportIT::itemRow);
            JsonNode imported = uploadXlsx(file);
            counts(imported, 120, 120, 0, 0, 0);
            assertThat(items("").path("totalElements").asLong())
                    .as("a dry run writes nothing")
                    .isZero();

            commit(imported);
            assertThat(items("").path("totalElements").asLong()).isEqualTo(120);
            JsonNode elevator = item("DT-008");
            assertThat(elevator.path("category").asString()).isEqualTo("ELEVATOR");
            assertThat(elevator.path("buildingId").asString()).isEqualTo(building);
            assertThat(elevator.path("qrCode").asString()).startsWith("EQ");
            JsonNode created = events.await(EventTap.event("asset.equipment.created", id(elevator)));
            EventTap.assertSameShape(created, EventTap.golden("asset.equipment.created.v1.json"));
            assertThat(created.path("payload").path("code").asString()).isEqualTo("DT-008");
            assertThat(created.path("payload").path("maintenanceCycleDays").asInt())
                    .isEqualTo(15);
            JsonNode plan = body(api.get("/api/v1/maintenance-plans?equipmentId=" + id(elevator), hq(tenant)), 200);
            assertThat(plan.path("content")).singleElement().satisfies(p -> assertThat(
                            p.path("cycle").path("intervalDays").asInt())
                    .isEqualTo(15));
            assertThat(plans()).as("one plan per elevator, none for the others").isEqualTo(30);
            int outbox = outboxEvents();
            assertThat(outbox).isEqualTo(120);

            JsonNode again = uploadXlsx(file);
            counts(again, 120, 0, 0, 120, 0);
            commit(again);
            assertThat(items("").path("totalElements").asLong()).isEqualTo(120);
            assertThat(outboxEvents())
                    .as("an unchanged ledger leaves no events")
                    .isEqualTo(outbox);
            assertThat(plans()).isEqualTo(30);
            assertThat(item("DT-008").path("qrCode").asString())
                    .isEqualTo(elevator.path("qrCode").asString());
        }

        @Test
        void aChangedRowUpdatesItsItemWithItsEvent() throws Exception {
            commit(uploadXlsx(workbook(8, EquipmentImportIT::itemRow)));
            int outbox = outboxEvents();

            JsonNode changed = uploadXlsx(workbook(8, i -> {
                List<Object> row = itemRow(i);
                if (i == 5) {
                    row.set(11, "故障");
                }
                return row;
            }));
            counts(changed, 8, 0, 1, 7, 0);
            commit(changed);
            JsonNode pump = item("SB-005");
            assertThat(pump.path("status").asString()).isEqualTo("FAULTY");
            JsonNode updated = events.await(EventTap.event("asset.equipment.updated", id(pump)));
            EventTap.assertSameShape(updated, EventTap.golden("asset.equipment.updated.v1.json"));
            assertThat(updated.path("payload").path("status").asString()).isEqualTo("FAULTY");
            assertThat(outboxEvents()).isEqualTo(outbox + 1);
        }

        @Test
        void aGbkCsvWithChineseLabelsIsRead() throws Exception {
            String csv = String.join(",", HEADER) + "\r\n"
                    + "KT-01,空调/暖通,冷水机组,开利,30XW,,A,-2,冷站,2024/3/1,2026/2/28,维修中,30\r\n"
                    + "MJ-01,门禁/道闸,南门道闸,,,,,,南门,,,报废,\r\n";
            JsonNode imported = body(
                    api.upload(
                            IMPORTS + "?projectId=" + project,
                            hq(tenant),
                            "ledger.csv",
                            "text/csv",
                            csv.getBytes(Charset.forName("GBK"))),
                    201);
            counts(imported, 2, 2, 0, 0, 0);
            commit(imported);
            JsonNode chiller = item("KT-01");
            assertThat(List.of(
                            chiller.path("category").asString(),
                            chiller.path("name").asString(),
                            chiller.path("status").asString(),
                            chiller.path("installDate").asString()))
                    .containsExactly("HVAC", "冷水机组", "UNDER_MAINTENANCE", "2024-03-01");
            assertThat(item("MJ-01").path("category").asString()).isEqualTo("ACCESS_GATE");
        }

        @Test
        void anExportImportsBackUnchanged() throws Exception {
            api.created("/api/v1/equipment", hq(tenant), """
                    {"projectId":"%s","code":"DT-01","buildingId":"%s","category":"ELEVATOR","name":"1号客梯",
                     "brand":" Otis ","model":"","serialNumber":"OT-1","floor":-2,"location":"Lobby",
                     "installDate":"2024-03-01","warrantyEnd":"2027-02-28","status":"FAULTY",
                     "maintenanceCycleDays":15}""".formatted(project, building));
            api.created("/api/v1/equipment", hq(tenant), """
                    {"projectId":"%s","code":"QT-01","category":"OTHER","name":"排风机"}""".formatted(project));

            HttpResponse<byte[]> export = api.download("/api/v1/equipment/export?projectId=" + project, hq(tenant));
            assertThat(export.statusCode()).isEqualTo(200);
            List<List<String>> rows = SheetFiles.rows(export.body());
            assertThat(rows.get(0)).isEqualTo(HEADER);
            assertThat(rows.get(1).subList(0, 7)).containsExactly("DT-01", "ELEVATOR", "1号客梯", "Otis", "", "OT-1", "A");
            counts(uploadXlsx(export.body()), 2, 0, 0, 2, 0);
        }

        @Test
        void anItemWithoutALedgerNumberExportsBlankAndMustBeNumberedToImport() throws Exception {
            api.created("/api/v1/equipment", hq(tenant), """
                    {"projectId":"%s","category":"CCTV","name":"Camera"}""".formatted(project));

            byte[] export = api.download("/api/v1/equipment/export?projectId=" + project, hq(tenant))
                    .body();
            assertThat(SheetFiles.rows(export).get(1).get(0)).isEmpty();
            assertThat(problems(uploadXlsx(export)))
                    .singleElement()
                    .asString()
                    .startsWith("2 设备编号 Code")
                    .contains("required");
        }

        @Test
        void theTemplatesSampleRowValidatesOnceItsBuildingExists() throws Exception {
            api.building(hq(tenant), project, "1", 10, 0);
            HttpResponse<byte[]> template = api.download(IMPORTS + "/template", hq(tenant));
            assertThat(SheetFiles.rows(template.body()).get(0)).isEqualTo(HEADER);
            counts(uploadXlsx(template.body()), 1, 1, 0, 0, 0);
        }
    }

    @Nested
    class BadFiles {

        @Test
        void oneBadRowAmongManyWritesNothingAndIsReportedWithItsRowAndColumn() throws Exception {
            JsonNode imported = uploadXlsx(workbook(400, i -> {
                List<Object> row = itemRow(i);
                if (i == 300) {
                    row.set(9, "someday");
                }
                return row;
            }));
            assertThat(imported.path("status").asString()).isEqualTo("INVALID");
            counts(imported, 400, 399, 0, 0, 1);
            assertThat(problems(imported)).singleElement().asString().startsWith("302 安装日期 Install date");

            problem(api.post(IMPORTS + "/" + id(imported) + "/commit", hq(tenant), ""), 409, "import.not-committable");
            assertThat(items("").path("totalElements").asLong()).isZero();
            assertThat(outboxEvents()).isZero();
            assertThat(plans()).isZero();
        }

        @Test
        void everyRuleIsReportedWithRowAndColumn() throws Exception {
            List<List<Object>> rows = List.of(
                    List.of("X-1", "OTHER", "One", "", "", "", "", "", "", "", "", "", ""),
                    List.of("X-1", "OTHER", "Two", "", "", "", "", "", "", "", "", "", ""),
                    List.of("X-2", "SPACESHIP", "", "", "", "", "Z", "2.5", "", "", "", "LOST", ""),
                    List.of("X-3", "HVAC", "AHU", "", "", "", "", "", "", "2024-03-01", "2023-01-01", "", 0),
                    List.of("", "电梯", "Lift", "x".repeat(101), "", "", "", "", "", "", "", "", ""));
            JsonNode imported = uploadXlsx(workbook(rows.size(), i -> new ArrayList<>(rows.get(i))));
            assertThat(imported.path("status").asString()).isEqualTo("INVALID");
            assertThat(problems(imported))
                    .anyMatch(p -> p.startsWith("3 设备编号 Code") && p.contains("row 2"))
                    .anyMatch(p -> p.startsWith("4 设备类别 Category") && p.contains("unknown value"))
                    .anyMatch(p -> p.startsWith("4 设备名称 Name") && p.contains("required"))
                    .anyMatch(p -> p.startsWith("4 楼栋编号 Building code") && p.contains("no building with code Z"))
                    .anyMatch(p -> p.startsWith("4 楼层 Floor") && p.contains("whole number"))
                    .anyMatch(p -> p.startsWith("4 设备状态 Status"))
                    .anyMatch(p -> p.startsWith("5 保修截止 Warranty end") && p.contains("before the installation"))
                    .anyMatch(p -> p.startsWith("5 保养周期(天) Maintenance cycle (days)") && p.contains("positive"))
                    .anyMatch(p -> p.startsWith("6 设备编号 Code") && p.contains("required"))
                    .anyMatch(p -> p.startsWith("6 品牌 Brand") && p.contains("at most 100"))
                    .hasSize(10);
        }

        @Test
        void aWrongTemplateIsOneProblem() throws Exception {
            JsonNode imported = uploadXlsx(SheetFiles.workbook(
                    "Parking", List.of("区域 Zone", "车位号 Space number"), 20, i -> List.of("B1", "B1-" + i)));
            counts(imported, 0, 0, 0, 0, 1);
            assertThat(reasons(imported)).singleElement().asString().contains("does not match the template");
        }
    }

    @Nested
    class Reach {

        @Test
        void anotherTenantsImportIsNotFoundLikeAMissingOne() throws Exception {
            SheetFiles.assertHiddenFromAnotherTenant(
                    api, IMPORTS, id(uploadXlsx(workbook(1, EquipmentImportIT::itemRow))));
        }

        @Test
        void frontDeskMayNotImportButExports() throws Exception {
            SheetFiles.assertFrontDeskExportsOnly(
                    api, "/api/v1/equipment", tenant, project, workbook(1, EquipmentImportIT::itemRow));
        }

        @Test
        void aProjectManagerImportsIntoTheirProjectOnly() throws Exception {
            String manager = scoped(tenant, "PROJECT_MANAGER", UUID.fromString(project));
            String other = api.project(hq(tenant), unique("EO-"));
            problem(
                    api.upload(
                            IMPORTS + "?projectId=" + other,
                            manager,
                            "e.xlsx",
                            SheetImportController.XLSX,
                            workbook(1, EquipmentImportIT::itemRow)),
                    422,
                    "import.project-not-found");
            assertThat(api.upload(
                                    IMPORTS + "?projectId=" + project,
                                    manager,
                                    "e.xlsx",
                                    SheetImportController.XLSX,
                                    workbook(1, EquipmentImportIT::itemRow))
                            .statusCode())
                    .isEqualTo(201);
        }
    }
}
