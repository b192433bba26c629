package com.propcloud.pms.asset.equipment;

import com.propcloud.pms.asset.importing.Column;
import com.propcloud.pms.asset.importing.ExportQuery;
import com.propcloud.pms.asset.importing.ProblemSink;
import com.propcloud.pms.asset.importing.RowReader;
import com.propcloud.pms.asset.importing.SheetDefinition;
import com.propcloud.pms.asset.importing.SpreadsheetWriter;
import com.propcloud.pms.asset.importing.Tally;
import com.propcloud.pms.asset.importing.VersionedUpdates;
import com.propcloud.pms.asset.registry.RegistryLookup;
import com.propcloud.pms.common.messaging.outbox.Outbox;
import com.propcloud.pms.common.security.DataScope;
import com.propcloud.pms.common.tenant.TenantContext;
import java.io.IOException;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The equipment ledger sheet (设备台账): one row per item, matched by its ledger number (设备编号) within
 * the project: a new number is registered, a known one updated where a field differs, left alone where
 * none does. An import never deletes, and an item's QR code, once issued, never changes. The API's rules
 * hold (the building one of the project's, the warranty not ending before the installation, a positive
 * maintenance cycle), reported per row and column.
 *
 * <p>Writes are JDBC batches in the import's transaction (row-level security checks every row), each
 * change leaving the same {@code asset.equipment.created}/{@code .updated} event as the API's. Each new
 * item is announced in-process ({@link EquipmentRegistered}) once its row is written, as the API does,
 * so a new elevator gets maintenance's default 15-day plan in the same transaction.
 */
@Component
class EquipmentSheet implements SheetDefinition {

    static final Column CODE = new Column("设备编号", "Code");
    static final Column CATEGORY = new Column("设备类别", "Category");
    static final Column NAME = new Column("设备名称", "Name");
    static final Column BRAND = new Column("品牌", "Brand");
    static final Column MODEL = new Column("型号", "Model");
    static final Column SERIAL = new Column("出厂编号", "Serial number");
    static final Column BUILDING_CODE = new Column("楼栋编号", "Building code");
    static final Column FLOOR = new Column("楼层", "Floor");
    static final Column LOCATION = new Column("安装位置", "Location");
    static final Column INSTALLED = new Column("安装日期", "Install date");
    static final Column WARRANTY_END = new Column("保修截止", "Warranty end");
    static final Column STATUS = new Column("设备状态", "Status");
    static final Column CYCLE = new Column("保养周期(天)", "Maintenance cycle (days)");

    static final List<Column> COLUMNS = List.of(
            CODE,
            CATEGORY,
            NAME,
            BRAND,
            MODEL,
            SERIAL,
            BUILDING_CODE,
            FLOOR,
            LOCATION,
            INSTALLED,
            WARRANTY_END,
            STATUS,
            CYCLE);

    /** Each value by its API name or its Chinese label(s); exports write the API name. */
    private static final Map<String, EquipmentCategory> CATEGORIES = Map.ofEntries(
            Map.entry("ELEVATOR", EquipmentCategory.ELEVATOR),
            Map.entry("电梯", EquipmentCategory.ELEVATOR),
            Map.entry("WATER_PUMP", EquipmentCategory.WATER_PUMP),
            Map.entry("水泵", EquipmentCategory.WATER_PUMP),
            Map.entry("FIRE_SYSTEM", EquipmentCategory.FIRE_SYSTEM),
            Map.entry("消防系统", EquipmentCategory.FIRE_SYSTEM),
            Map.entry("GENERATOR", EquipmentCategory.GENERATOR),
            Map.entry("发电机", EquipmentCategory.GENERATOR),
            Map.entry("HVAC", EquipmentCategory.HVAC),
            Map.entry("空调/暖通", EquipmentCategory.HVAC),
            Map.entry("空调", EquipmentCategory.HVAC),
            Map.entry("暖通", EquipmentCategory.HVAC),
            Map.entry("CCTV", EquipmentCategory.CCTV),
            Map.entry("监控", EquipmentCategory.CCTV),
            Map.entry("ACCESS_GATE", EquipmentCategory.ACCESS_GATE),
            Map.entry("门禁/道闸", EquipmentCategory.ACCESS_GATE),
            Map.entry("门禁", EquipmentCategory.ACCESS_GATE),
            Map.entry("道闸", EquipmentCategory.ACCESS_GATE),
            Map.entry("TRANSFORMER", EquipmentCategory.TRANSFORMER),
            Map.entry("变压器", EquipmentCategory.TRANSFORMER),
            Map.entry("OTHER", EquipmentCategory.OTHER),
            Map.entry("其他", EquipmentCategory.OTHER));

    private static final Map<String, EquipmentStatus> STATUSES = Map.of(
            "IN_SERVICE", EquipmentStatus.IN_SERVICE,
            "在用", EquipmentStatus.IN_SERVICE,
            "FAULTY", EquipmentStatus.FAULTY,
            "故障", EquipmentStatus.FAULTY,
            "UNDER_MAINTENANCE", EquipmentStatus.UNDER_MAINTENANCE,
            "维修中", EquipmentStatus.UNDER_MAINTENANCE,
            "RETIRED", EquipmentStatus.RETIRED,
            "报废", EquipmentStatus.RETIRED);

    private static final int BATCH = 500;

    private final JdbcTemplate jdbc;
    private final RegistryLookup registry;
    private final Outbox outbox;
    private final ApplicationEventPublisher announcements;
    private final Clock clock;

    EquipmentSheet(
            DataSource dataSource,
            RegistryLookup registry,
            Outbox outbox,
            ApplicationEventPublisher announcements,
            Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.registry = registry;
        this.outbox = outbox;
        this.announcements = announcements;
        this.clock = clock;
    }

    private static final Layout LAYOUT = new Layout(
            "equipment",
            "设备台账 Equipment",
            COLUMNS,
            List.of(
                    "DT-01-01",
                    "ELEVATOR",
                    "1号楼1号客梯",
                    "奥的斯 Otis",
                    "GeN2",
                    "OTIS-778812",
                    "1",
                    1,
                    "1单元大堂 Lobby, entrance 1",
                    "2024-03-01",
                    "2027-02-28",
                    "IN_SERVICE",
                    15));

    @Override
    public Layout layout() {
        return LAYOUT;
    }

    @Override
    public List<String> tables() {
        return List.of("equipment", "maintenance_plan");
    }

    @Override
    public SheetRun start(Context context) {
        UUID projectId = context.projectId();
        if (!registry.projectExists(projectId)) {
            throw SheetDefinition.projectNotFound();
        }
        return new Run(projectId);
    }

    /** An item of the project as the ledger holds it, its optional texts as the sheet reads them. */
    private record Known(UUID id, long version, Equipment.Details details) {}

    private final class Run implements SheetRun {

        private final UUID projectId;
        private final UUID tenant = TenantContext.require();
        private final Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        private final Map<String, UUID> buildings;
        /** The project's numbered items by number: what the file's rows are matched against. */
        private final Map<String, Known> items = new HashMap<>();
        /** The number of every row so far, to the row: duplicates are reported. */
        private final Map<String, Integer> seen = new HashMap<>();

        private final Tally tally = new Tally();
        private final List<Object[]> inserts = new ArrayList<>();
        private final List<Object[]> updates = new ArrayList<>();
        /** The events of the rows written since the last flush, appended with them in one outbox batch. */
        private final List<Outbox.Event> events = new ArrayList<>();
        /** New items, announced once their rows are in the database (their plans refer to them). */
        private final List<EquipmentRegistered> registered = new ArrayList<>();

        Run(UUID projectId) {
            this.projectId = projectId;
            this.buildings = registry.buildingsByCode(projectId);
            jdbc.query(
                    "select id, version, code, building_id, category, name, brand, model, serial_number, floor,"
                            + " location, install_date, warranty_end, status, maintenance_cycle_days from equipment"
                            + " where project_id = ? and code is not null",
                    rs -> {
                        items.put(
                                rs.getString("code"),
                                new Known(rs.getObject("id", UUID.class), rs.getLong("version"), details(rs)));
                    },
                    projectId);
        }

        @Override
        public void validate(RowReader row) {
            tally.row();
            Equipment.Details parsed = parse(row);
            if (parsed == null) {
                return;
            }
            Integer first = seen.putIfAbsent(parsed.code(), row.number());
            if (first != null) {
                row.problem(CODE, "设备编号重复 / code " + parsed.code() + " is also on row " + first);
                return;
            }
            Known known = items.get(parsed.code());
            tally.valid(known != null, known != null && known.details().equals(parsed));
        }

        @Override
        public Counts finishValidation(ProblemSink problems) {
            return tally.counts();
        }

        @Override
        public void write(RowReader row) {
            Equipment.Details d = parse(row);
            if (d == null) {
                throw new IllegalStateException("Row " + row.number() + " no longer parses");
            }
            Known known = items.get(d.code());
            if (known != null && known.details().equals(d)) {
                return;
            }
            UUID id = known == null ? UUID.randomUUID() : known.id();
            if (known == null) {
                inserts.add(row(List.of(id, tenant, projectId, d.code(), Equipment.newQrCode(), Timestamp.from(now)), d)
                        .toArray());
                registered.add(
                        new EquipmentRegistered(id, projectId, d.category(), d.name(), d.maintenanceCycleDays(), now));
            } else {
                List<@Nullable Object> update = row(List.of(), d);
                update.add(id);
                update.add(known.version());
                updates.add(update.toArray());
            }
            events.add(new Outbox.Event(
                    known == null ? EquipmentChangedV1.CREATED : EquipmentChangedV1.UPDATED,
                    id,
                    projectId,
                    EquipmentChangedV1.of(id, projectId, d, now),
                    EquipmentChangedV1.VERSION));
            if (inserts.size() + updates.size() >= BATCH) {
                flush();
            }
        }

        @Override
        public void finishWrite() {
            flush();
        }

        private void flush() {
            if (!inserts.isEmpty()) {
                // one multi-row insert per batch (reWriteBatchedInserts), checked by row-level security
                jdbc.batchUpdate(
                        "insert into equipment (id, version, tenant_id, project_id, code, qr_code, created_at,"
                                + " building_id, category, name, brand, model, serial_number, floor, location,"
                                + " install_date, warranty_end, status, maintenance_cycle_days, updated_at)"
                                + " values (?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        inserts);
                inserts.clear();
            }
            VersionedUpdates.run(
                    jdbc,
                    "update equipment set version = version + 1, building_id = ?, category = ?, name = ?,"
                            + " brand = ?, model = ?, serial_number = ?, floor = ?, location = ?, install_date = ?,"
                            + " warranty_end = ?, status = ?, maintenance_cycle_days = ?, updated_at = ?"
                            + " where id = ? and version = ?",
                    updates,
                    "An item");
            if (!events.isEmpty()) {
                outbox.appendAll(events);
                events.clear();
            }
            // listeners write through JPA in this transaction, e.g. an elevator's default plan
            registered.forEach(announcements::publishEvent);
            registered.clear();
        }

        /**
         * The head's values, then an item's changeable fields and its update time, in the order both
         * the insert and the update name their columns.
         */
        private List<@Nullable Object> row(List<Object> head, Equipment.Details d) {
            List<@Nullable Object> values = new ArrayList<>(head);
            values.add(d.buildingId());
            values.add(d.category().name());
            values.add(d.name());
            values.add(d.brand());
            values.add(d.model());
            values.add(d.serialNumber());
            values.add(d.floor());
            values.add(d.location());
            values.add(d.installDate() == null ? null : Date.valueOf(d.installDate()));
            values.add(d.warrantyEnd() == null ? null : Date.valueOf(d.warrantyEnd()));
            values.add(d.status().name());
            values.add(d.maintenanceCycleDays());
            values.add(Timestamp.from(now));
            return values;
        }

        /** A row's values, each field's problem reported; null when any field is wrong. */
        private Equipment.@Nullable Details parse(RowReader row) {
            String code = row.text(CODE, true, 64);
            EquipmentCategory category = row.choice(CATEGORY, CATEGORIES, true);
            String name = row.text(NAME, true, 200);
            String brand = row.text(BRAND, false, 100);
            String model = row.text(MODEL, false, 100);
            String serial = row.text(SERIAL, false, 100);
            String buildingCode = row.text(BUILDING_CODE, false, 32);
            Integer floor = row.integer(FLOOR, false);
            String location = row.text(LOCATION, false, 500);
            LocalDate installed = row.date(INSTALLED, false);
            LocalDate warrantyEnd = row.date(WARRANTY_END, false);
            EquipmentStatus status = row.choice(STATUS, STATUSES, false);
            Integer cycle = row.integer(CYCLE, false);
            UUID buildingId = buildingCode == null ? null : buildings.get(buildingCode);
            if (buildingCode != null && buildingId == null) {
                row.problem(BUILDING_CODE, "楼栋不存在 / the project has no building with code " + buildingCode);
            }
            if (installed != null && warrantyEnd != null && warrantyEnd.isBefore(installed)) {
                row.problem(WARRANTY_END, "保修截止早于安装日期 / the warranty cannot end before the installation");
            }
            if (cycle != null && cycle < 1) {
                row.problem(CYCLE, "保养周期须为正整数天 / the maintenance cycle is a positive number of days");
            }
            if (row.failed()) {
                return null;
            }
            return new Equipment.Details(
                    code,
                    buildingId,
                    category,
                    name,
                    brand,
                    model,
                    serial,
                    floor,
                    location,
                    installed,
                    warrantyEnd,
                    status == null ? EquipmentStatus.IN_SERVICE : status,
                    cycle);
        }
    }

    /**
     * An item's fields as a sheet would give them: optional texts stripped and blank ones absent, so an
     * item registered through the API with {@code " Otis "} or {@code ""} exports and imports back
     * unchanged.
     */
    private static Equipment.Details details(ResultSet rs) throws SQLException {
        Date installed = rs.getDate("install_date");
        Date warrantyEnd = rs.getDate("warranty_end");
        return new Equipment.Details(
                rs.getString("code"),
                rs.getObject("building_id", UUID.class),
                EquipmentCategory.valueOf(rs.getString("category")),
                rs.getString("name"),
                text(rs.getString("brand")),
                text(rs.getString("model")),
                text(rs.getString("serial_number")),
                rs.getObject("floor", Integer.class),
                text(rs.getString("location")),
                installed == null ? null : installed.toLocalDate(),
                warrantyEnd == null ? null : warrantyEnd.toLocalDate(),
                EquipmentStatus.valueOf(rs.getString("status")),
                rs.getObject("maintenance_cycle_days", Integer.class));
    }

    private static @Nullable String text(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * Writes the items the ledger list would show (its filters, the caller's scope) in the template's
     * columns, project by project, each building named by its code; call within a transaction. Items
     * without a ledger number export with a blank code, which the import refuses until one is given.
     */
    void export(EquipmentService.Filter filter, DataScope scope, SpreadsheetWriter writer) throws IOException {
        writer.header(COLUMNS);
        List<UUID> projects = filter.projectId() != null
                ? List.of(filter.projectId())
                : exportQuery(filter, scope)
                        .list(
                                jdbc.getDataSource(),
                                "select distinct project_id from equipment",
                                "project_id",
                                (rs, i) -> rs.getObject(1, UUID.class));
        for (UUID project : projects) {
            Map<UUID, String> buildingCodes = registry.buildingsByCode(project).entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey));
            exportQuery(filter, scope).equal("project_id", project).stream(
                    jdbc.getDataSource(),
                    "select code, building_id, category, name, brand, model, serial_number, floor,"
                            + " location, install_date, warranty_end, status, maintenance_cycle_days"
                            + " from equipment",
                    "code nulls last, name, id",
                    rs -> {
                        Equipment.Details d = details(rs);
                        List<@Nullable Object> values = new ArrayList<>(COLUMNS.size());
                        values.add(d.code());
                        values.add(d.category().name());
                        values.add(d.name());
                        values.add(d.brand());
                        values.add(d.model());
                        values.add(d.serialNumber());
                        values.add(d.buildingId() == null ? null : buildingCodes.get(d.buildingId()));
                        values.add(d.floor());
                        values.add(d.location());
                        values.add(d.installDate());
                        values.add(d.warrantyEnd());
                        values.add(d.status().name());
                        values.add(d.maintenanceCycleDays());
                        writer.row(values);
                    });
        }
    }

    private static ExportQuery exportQuery(EquipmentService.Filter filter, DataScope scope) {
        return ExportQuery.inScope(scope, "project_id")
                .equal("building_id", filter.buildingId())
                .equal("category", filter.category())
                .equal("status", filter.status())
                .atMost("warranty_end", filter.warrantyBefore());
    }
}
