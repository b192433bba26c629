package com.propcloud.pms.asset.equipment;

import com.propcloud.pms.asset.registry.DemoRegistrySeeded;
import com.propcloud.pms.common.tenant.TenantContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo projects' equipment ledger ({@code pms.seed.demo}), once the registry seed has their
 * buildings: {@code EMERALD-LAKE} four elevators per building, a fire alarm panel per building, two
 * water pumps, a generator and the CCTV system; {@code HUIJIN-TOWER} eight elevators, the HVAC
 * chillers, a fire system and a transformer; {@code PINE-COURT} two elevators per building and a pump.
 *
 * <p>Registered through {@link EquipmentService}, so each item leaves its {@code asset.equipment.created}
 * event and every elevator gets its default 15-day plan from maintenance. Each is numbered in the ledger
 * by its key ({@code B01-EL1}), so the demo ledger exports and imports back by number. Ids are name-based ({@code
 * pms-demo-equipment:<tenant>:<project>:<key>}); an item that exists is skipped, so every run adds only
 * what is missing. QR codes stay random: a label must not be guessable, demo or not.
 */
@Component
@ConditionalOnBooleanProperty("pms.seed.demo")
class DemoEquipmentSeed {

    private static final Logger log = LoggerFactory.getLogger(DemoEquipmentSeed.class);

    /** An item before its id: a key unique in its project, and what the ledger records. */
    private record Item(String key, Equipment.Details details) {}

    private final EquipmentService service;
    private final EquipmentRepository equipment;
    private final TransactionTemplate transactions;

    DemoEquipmentSeed(EquipmentService service, EquipmentRepository equipment, TransactionTemplate transactions) {
        this.service = service;
        this.equipment = equipment;
        this.transactions = transactions;
    }

    @EventListener
    void on(DemoRegistrySeeded seeded) {
        TenantContext.runAs(seeded.tenantId(), () -> {
            for (String project : seeded.projectCodes()) {
                seedProject(seeded, project, items(seeded, project));
            }
        });
    }

    /** One transaction per project: an item and its default plans commit together. */
    private void seedProject(DemoRegistrySeeded seeded, String projectCode, List<Item> items) {
        UUID projectId = seeded.projectId(projectCode);
        Integer added = transactions.execute(status -> {
            int count = 0;
            for (Item item : items) {
                UUID id = seeded.id("pms-demo-equipment", projectCode + ":" + item.key());
                if (!equipment.existsById(id)) {
                    service.register(id, projectId, item.details(), DemoRegistrySeeded.SCOPE);
                    count++;
                }
            }
            return count;
        });
        if (added != null && added > 0) {
            log.info("Demo equipment of {} in '{}': {} items added", projectCode, seeded.tenantCode(), added);
        }
    }

    private static List<Item> items(DemoRegistrySeeded seeded, String projectCode) {
        List<Item> items = new ArrayList<>();
        switch (projectCode) {
            case "EMERALD-LAKE" -> {
                for (int b = 1; b <= 12; b++) {
                    String building = String.format("B%02d", b);
                    UUID buildingId = seeded.buildingId(projectCode, building);
                    LocalDate installed = b <= 6 ? LocalDate.of(2019, 5, 15) : LocalDate.of(2020, 11, 20);
                    for (int e = 1; e <= 4; e++) {
                        items.add(elevator(
                                building,
                                buildingId,
                                b + "栋",
                                e,
                                e <= 2 ? "1单元" : "2单元",
                                "三菱 Mitsubishi",
                                "NexWay",
                                installed));
                    }
                    items.add(item(
                            building + ":FIRE",
                            buildingId,
                            EquipmentCategory.FIRE_SYSTEM,
                            b + "栋消防报警主机 Fire alarm panel",
                            "海湾 GST",
                            "GST200",
                            "FS-EL-" + building,
                            1,
                            "一楼消防控制室 Fire control room",
                            installed,
                            30));
                }
                for (int p = 1; p <= 2; p++) {
                    items.add(pump(p, "地下二层水泵房 B2 pump room", LocalDate.of(2019, 5, 1)));
                }
                items.add(item(
                        "GENERATOR",
                        null,
                        EquipmentCategory.GENERATOR,
                        "柴油发电机 Diesel generator",
                        "康明斯 Cummins",
                        "C500D5",
                        "GEN-EL-1",
                        -1,
                        "地下一层配电房 B1 switch room",
                        LocalDate.of(2019, 5, 1),
                        90));
                items.add(item(
                        "CCTV",
                        null,
                        EquipmentCategory.CCTV,
                        "视频监控系统 CCTV (NVR, 320 cameras)",
                        "海康威视 Hikvision",
                        "DS-96256N",
                        "CCTV-EL-1",
                        1,
                        "南门监控中心 Control room, south gate",
                        LocalDate.of(2019, 6, 1),
                        90));
            }
            case "HUIJIN-TOWER" -> {
                UUID tower = seeded.buildingId(projectCode, "T1");
                LocalDate installed = LocalDate.of(2025, 5, 30);
                for (int e = 1; e <= 8; e++) {
                    items.add(elevator(
                            "T1",
                            tower,
                            "主楼 Tower ",
                            e,
                            e <= 4 ? "低区 Low zone" : "高区 High zone",
                            "通力 KONE",
                            "MiniSpace",
                            installed));
                }
                items.add(item(
                        "HVAC",
                        tower,
                        EquipmentCategory.HVAC,
                        "中央空调冷水机组 Central chiller plant",
                        "开利 Carrier",
                        "30XW",
                        "HVAC-HJ-1",
                        -2,
                        "地下二层冷站 B2 chiller room",
                        installed,
                        30));
                items.add(item(
                        "FIRE",
                        tower,
                        EquipmentCategory.FIRE_SYSTEM,
                        "消防报警及喷淋系统 Fire alarm and sprinklers",
                        "西门子 Siemens",
                        "FC2060",
                        "FS-HJ-1",
                        1,
                        "一楼消防控制室 Fire control room",
                        installed,
                        30));
                items.add(item(
                        "TRANSFORMER",
                        tower,
                        EquipmentCategory.TRANSFORMER,
                        "10kV干式变压器 10 kV dry-type transformer",
                        "施耐德 Schneider",
                        "Trihal 2000kVA",
                        "TR-HJ-1",
                        -1,
                        "地下一层变配电室 B1 substation",
                        installed,
                        180));
            }
            case "PINE-COURT" -> {
                for (int b = 1; b <= 4; b++) {
                    String building = String.format("B%02d", b);
                    UUID buildingId = seeded.buildingId(projectCode, building);
                    for (int e = 1; e <= 2; e++) {
                        items.add(elevator(
                                building,
                                buildingId,
                                b + "栋",
                                e,
                                "1单元",
                                "日立 Hitachi",
                                "HGP",
                                LocalDate.of(2024, 10, 15)));
                    }
                }
                items.add(pump(1, "地下一层水泵房 B1 pump room", LocalDate.of(2024, 10, 1)));
            }
            default -> log.warn("No demo equipment for project {}", projectCode);
        }
        return items;
    }

    private static Item elevator(
            String building,
            UUID buildingId,
            String buildingName,
            int number,
            String where,
            String brand,
            String model,
            LocalDate installed) {
        return item(
                building + ":EL" + number,
                buildingId,
                EquipmentCategory.ELEVATOR,
                buildingName + number + "号梯 Elevator " + number,
                brand,
                model,
                "EL-" + building + "-" + number,
                1,
                where,
                installed,
                15);
    }

    private static Item pump(int number, String where, LocalDate installed) {
        return item(
                "PUMP" + number,
                null,
                EquipmentCategory.WATER_PUMP,
                "生活水泵 " + number + "号 Domestic water pump " + number,
                "格兰富 Grundfos",
                "CR 32-4",
                "WP-" + number,
                -2,
                where,
                installed,
                30);
    }

    /** An item under its key, numbered in the ledger by it ({@code B01:EL1} as {@code B01-EL1}). */
    private static Item item(
            String key,
            @Nullable UUID buildingId,
            EquipmentCategory category,
            String name,
            String brand,
            String model,
            String serial,
            Integer floor,
            String location,
            LocalDate installed,
            Integer cycleDays) {
        return new Item(
                key,
                new Equipment.Details(
                        key.replace(':', '-'),
                        buildingId,
                        category,
                        name,
                        brand,
                        model,
                        serial,
                        floor,
                        location,
                        installed,
                        installed.plusYears(2),
                        EquipmentStatus.IN_SERVICE,
                        cycleDays));
    }
}
