package com.propcloud.pms.asset.equipment;

import static com.propcloud.pms.asset.AssetApi.body;
import static com.propcloud.pms.asset.AssetApi.hq;
import static com.propcloud.pms.asset.AssetApi.id;
import static com.propcloud.pms.asset.AssetApi.problem;
import static com.propcloud.pms.asset.AssetApi.scoped;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.propcloud.pms.asset.AssetApi;
import com.propcloud.pms.test.EventTap;
import com.propcloud.pms.test.UsesPmsInfrastructure;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The equipment ledger over HTTP: CRUD with filters, the data scope (another project's or tenant's item
 * is a 404 like a missing one), QR codes that open their item, printable labels, the default elevator
 * plan, and the asset.equipment.* events.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "asset.schedule.enabled=false")
@UsesPmsInfrastructure
class EquipmentApiIT {

    private static EventTap events;

    private final UUID tenant = UUID.randomUUID();

    @LocalServerPort
    int port;

    AssetApi api;
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
        api = new AssetApi(port);
        project = api.project(hq(tenant));
        building = api.building(hq(tenant), project, "1");
    }

    String item(String token, String projectId, String category, String name, String extra) throws Exception {
        return id(api.created(
                "/api/v1/equipment",
                token,
                "{\"projectId\":\"%s\",\"category\":\"%s\",\"name\":\"%s\"%s}"
                        .formatted(projectId, category, name, extra.isEmpty() ? "" : "," + extra)));
    }

    @Test
    void itemCanBeRegisteredReadChangedAndDeletedWithItsEvents() throws Exception {
        JsonNode created = api.created("/api/v1/equipment", hq(tenant), """
                {"projectId":"%s","code":"SB-01","buildingId":"%s","category":"WATER_PUMP","name":"生活水泵 1",
                 "brand":"Grundfos","model":"CR 10-6","serialNumber":"GF-2024-0091","floor":-1,
                 "location":"B1 pump room","installDate":"2024-03-01","warrantyEnd":"2027-02-28",
                 "maintenanceCycleDays":30}""".formatted(project, building));
        String id = id(created);

        assertThat(created.path("status").asString()).isEqualTo("IN_SERVICE");
        assertThat(created.path("qrCode").asString()).startsWith("EQ").hasSizeGreaterThan(20);
        JsonNode changed = body(api.patch("/api/v1/equipment/" + id, hq(tenant), "{\"status\":\"FAULTY\"}"), 200);
        assertThat(changed.path("status").asString()).isEqualTo("FAULTY");
        assertThat(changed.path("serialNumber").asString()).isEqualTo("GF-2024-0091");
        assertThat(changed.path("qrCode").asString())
                .isEqualTo(created.path("qrCode").asString());
        assertThat(api.delete("/api/v1/equipment/" + id, hq(tenant)).statusCode())
                .isEqualTo(204);
        assertThat(api.get("/api/v1/equipment/" + id, hq(tenant)).statusCode()).isEqualTo(404);

        JsonNode createdEvent = golden("asset.equipment.created", id);
        assertThat(createdEvent.path("projectId").asString()).isEqualTo(project);
        assertThat(createdEvent.path("payload").path("name").asString()).isEqualTo("生活水泵 1");
        assertThat(createdEvent.path("payload").path("code").asString()).isEqualTo("SB-01");
        assertThat(golden("asset.equipment.updated", id)
                        .path("payload")
                        .path("status")
                        .asString())
                .isEqualTo("FAULTY");
        golden("asset.equipment.deleted", id);
    }

    @Test
    void aLedgerNumberIsUniqueWithinItsProjectOnly() throws Exception {
        String pump = item(hq(tenant), project, "WATER_PUMP", "Pump", "\"code\":\" SB-01 \"");
        String other = api.project(hq(tenant));

        assertThat(body(api.get("/api/v1/equipment/" + pump, hq(tenant)), 200)
                        .path("code")
                        .asString())
                .isEqualTo("SB-01");
        problem(
                api.post(
                        "/api/v1/equipment",
                        hq(tenant),
                        "{\"projectId\":\"%s\",\"code\":\"SB-01\",\"category\":\"OTHER\",\"name\":\"Fan\"}"
                                .formatted(project)),
                409,
                EquipmentCodes.CODE_TAKEN);
        String fan = item(hq(tenant), project, "OTHER", "Fan", "\"code\":\"QT-01\"");
        problem(
                api.patch("/api/v1/equipment/" + fan, hq(tenant), "{\"code\":\"SB-01\"}"),
                409,
                EquipmentCodes.CODE_TAKEN);
        item(hq(tenant), other, "WATER_PUMP", "Pump", "\"code\":\"SB-01\"");
        item(hq(tenant), project, "OTHER", "Unnumbered 1", "");
        item(hq(tenant), project, "OTHER", "Unnumbered 2", "");
        problem(api.patch("/api/v1/equipment/" + fan, hq(tenant), "{\"code\":\" \"}"), 400, "validation-failed");
    }

    @Test
    void listFiltersByCategoryStatusBuildingAndWarranty() throws Exception {
        String pump = item(hq(tenant), project, "WATER_PUMP", "Pump", "\"warrantyEnd\":\"2026-12-31\"");
        String cctv = item(
                hq(tenant),
                project,
                "CCTV",
                "Camera",
                "\"buildingId\":\"%s\",\"warrantyEnd\":\"2028-01-01\"".formatted(building));
        String retired = item(hq(tenant), project, "CCTV", "Old camera", "\"status\":\"RETIRED\"");
        String base = "/api/v1/equipment?projectId=" + project;

        assertThat(ids(base + "&category=CCTV&sort=name,desc")).containsExactly(retired, cctv);
        assertThat(ids(base + "&status=RETIRED")).containsExactly(retired);
        assertThat(ids(base + "&buildingId=" + building)).containsExactly(cctv);
        assertThat(ids(base + "&warrantyBefore=2027-01-01")).containsExactly(pump);
        problem(api.get(base + "&category=SPACESHIP", hq(tenant)), 400, "validation-failed");
    }

    @Test
    void aProjectManagerWorksWithinTheirProjectsOnly() throws Exception {
        String other = api.project(hq(tenant));
        String theirs = item(hq(tenant), project, "HVAC", "AHU-1", "");
        String foreign = item(hq(tenant), other, "HVAC", "AHU-2", "");
        String manager = scoped(tenant, "PROJECT_MANAGER", UUID.fromString(project));

        assertThat(ids("/api/v1/equipment", manager)).containsExactly(theirs);
        assertNotFoundLikeMissing("/api/v1/equipment/", foreign, manager);
        problem(
                api.post(
                        "/api/v1/equipment",
                        manager,
                        "{\"projectId\":\"%s\",\"category\":\"CCTV\",\"name\":\"x\"}".formatted(other)),
                422,
                EquipmentCodes.PROJECT_NOT_FOUND);
        assertThat(api.post(
                                "/api/v1/equipment",
                                scoped(tenant, "TECHNICIAN", UUID.fromString(project)),
                                "{\"projectId\":\"%s\",\"category\":\"CCTV\",\"name\":\"x\"}".formatted(project))
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void anotherTenantsItemIsNotFoundByIdOrByCode() throws Exception {
        JsonNode item = api.created(
                "/api/v1/equipment",
                hq(tenant),
                "{\"projectId\":\"%s\",\"category\":\"GENERATOR\",\"name\":\"Genset\"}".formatted(project));
        String stranger = hq(UUID.randomUUID());

        assertNotFoundLikeMissing("/api/v1/equipment/", id(item), stranger);
        assertThat(api.get("/api/v1/equipment/by-code/" + item.path("qrCode").asString(), stranger)
                        .statusCode())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/equipment/" + id(item) + "/label.png", stranger)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void aScannedCodeOpensItsItemForATechnicianOfTheProject() throws Exception {
        JsonNode item = api.created(
                "/api/v1/equipment",
                hq(tenant),
                "{\"projectId\":\"%s\",\"category\":\"FIRE_SYSTEM\",\"name\":\"Fire panel\"}".formatted(project));
        String technician = scoped(tenant, "TECHNICIAN", UUID.fromString(project));

        JsonNode opened =
                body(api.get("/api/v1/equipment/by-code/" + item.path("qrCode").asString(), technician), 200);
        assertThat(id(opened)).isEqualTo(id(item));
        assertThat(api.get(
                                "/api/v1/equipment/by-code/"
                                        + item.path("qrCode").asString(),
                                scoped(tenant, "TECHNICIAN", UUID.randomUUID()))
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void theLabelPngHoldsTheItemsCode() throws Exception {
        JsonNode item = api.created("/api/v1/equipment", hq(tenant), """
                {"projectId":"%s","category":"ELEVATOR","name":"1号楼客梯","serialNumber":"OTIS-778812"}""".formatted(project));

        HttpResponse<byte[]> png = api.bytes("/api/v1/equipment/" + id(item) + "/label.png", hq(tenant));

        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
        var image = ImageIO.read(new ByteArrayInputStream(png.body()));
        var decoded = new MultiFormatReader()
                .decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))));
        assertThat(decoded.getText()).isEqualTo(item.path("qrCode").asString());
    }

    @Test
    void theLabelSheetHoldsTwentyFourLabelsAPage() throws Exception {
        for (int i = 0; i < 25; i++) {
            item(hq(tenant), project, "CCTV", "Camera " + i, "\"serialNumber\":\"CAM-" + i + "\"");
        }
        item(hq(tenant), project, "OTHER", "地下车库排风机", "");

        HttpResponse<byte[]> pdf = api.bytes("/api/v1/equipment/labels.pdf?projectId=" + project, hq(tenant));
        HttpResponse<byte[]> cameras =
                api.bytes("/api/v1/equipment/labels.pdf?projectId=" + project + "&category=OTHER", hq(tenant));

        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body());
                PDDocument one = Loader.loadPDF(cameras.body())) {
            assertThat(document.getNumberOfPages()).isEqualTo(2);
            assertThat(one.getNumberOfPages()).isEqualTo(1);
        }
        assertThat(api.bytes("/api/v1/equipment/labels.pdf?projectId=" + UUID.randomUUID(), hq(tenant))
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void aNewElevatorGetsAFifteenDayElevatorPlanAndAPumpNone() throws Exception {
        String elevator = item(hq(tenant), project, "ELEVATOR", "Lift A", "");
        String pump = item(hq(tenant), project, "WATER_PUMP", "Pump", "");

        JsonNode plans = body(api.get("/api/v1/maintenance-plans?equipmentId=" + elevator, hq(tenant)), 200);
        assertThat(plans.path("totalElements").asInt()).isEqualTo(1);
        JsonNode plan = plans.path("content").get(0);
        assertThat(plan.path("cycle").path("kind").asString()).isEqualTo("EVERY_N_DAYS");
        assertThat(plan.path("cycle").path("intervalDays").asInt()).isEqualTo(15);
        assertThat(plan.path("skill").asString()).isEqualTo("ELEVATOR");
        assertThat(plan.path("projectId").asString()).isEqualTo(project);
        assertThat(plan.path("checklist").size()).isPositive();
        assertThat(body(api.get("/api/v1/maintenance-plans?equipmentId=" + pump, hq(tenant)), 200)
                        .path("totalElements")
                        .asInt())
                .isZero();
    }

    @Test
    void deletingAnItemDeletesItsPlans() throws Exception {
        String elevator = item(hq(tenant), project, "ELEVATOR", "Lift B", "");
        String plan = id(body(api.get("/api/v1/maintenance-plans?equipmentId=" + elevator, hq(tenant)), 200)
                .path("content")
                .get(0));

        assertThat(api.delete("/api/v1/equipment/" + elevator, hq(tenant)).statusCode())
                .isEqualTo(204);
        assertThat(api.get("/api/v1/maintenance-plans/" + plan, hq(tenant)).statusCode())
                .isEqualTo(404);
    }

    @Nested
    class Rules {

        @Test
        void aBuildingOfAnotherProjectIsRefused() throws Exception {
            String other = api.project(hq(tenant));
            String elsewhere = api.building(hq(tenant), other, "9");
            problem(
                    api.post(
                            "/api/v1/equipment",
                            hq(tenant),
                            "{\"projectId\":\"%s\",\"buildingId\":\"%s\",\"category\":\"CCTV\",\"name\":\"x\"}"
                                    .formatted(project, elsewhere)),
                    422,
                    EquipmentCodes.BUILDING_NOT_FOUND);
        }

        @Test
        void aWarrantyEndingBeforeTheInstallationIsRefused() throws Exception {
            problem(
                    api.post(
                            "/api/v1/equipment",
                            hq(tenant),
                            ("{\"projectId\":\"%s\",\"category\":\"CCTV\",\"name\":\"x\","
                                            + "\"installDate\":\"2025-01-01\",\"warrantyEnd\":\"2024-01-01\"}")
                                    .formatted(project)),
                    422,
                    EquipmentCodes.WARRANTY_BEFORE_INSTALL);
        }

        @Test
        void aProjectWithEquipmentCannotBeDeleted() throws Exception {
            String other = api.project(hq(tenant));
            item(hq(tenant), other, "CCTV", "Camera", "");
            problem(api.delete("/api/v1/projects/" + other, hq(tenant)), 409, "project.has-equipment");
        }
    }

    private java.util.List<String> ids(String path) throws Exception {
        return ids(path, hq(tenant));
    }

    private java.util.List<String> ids(String path, String token) throws Exception {
        return body(api.get(path, token), 200).path("content").findValuesAsString("id");
    }

    /** The same 404, word for word but for the id, as for an id that does not exist. */
    private void assertNotFoundLikeMissing(String base, String id, String token) throws Exception {
        HttpResponse<String> hidden = api.get(base + id, token);
        String missingId = UUID.randomUUID().toString();
        HttpResponse<String> missing = api.get(base + missingId, token);
        assertThat(hidden.statusCode()).isEqualTo(404);
        assertThat(new ArrayList<>(AssetApi.JSON.readTree(hidden.body()).propertyNames()))
                .isEqualTo(
                        new ArrayList<>(AssetApi.JSON.readTree(missing.body()).propertyNames()));
        assertThat(hidden.body().replace(id, "ID")).isEqualTo(missing.body().replace(missingId, "ID"));
    }

    private static JsonNode golden(String type, String aggregateId) {
        JsonNode envelope = events.await(EventTap.event(type, aggregateId));
        EventTap.assertSameShape(envelope, EventTap.golden(type + ".v1.json"));
        return envelope;
    }
}
