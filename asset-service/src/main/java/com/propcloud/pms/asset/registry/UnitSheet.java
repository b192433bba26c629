package com.propcloud.pms.asset.registry;

import com.propcloud.pms.asset.importing.Column;
import com.propcloud.pms.asset.importing.ExportQuery;
import com.propcloud.pms.asset.importing.ProblemSink;
import com.propcloud.pms.asset.importing.RowReader;
import com.propcloud.pms.asset.importing.SheetDefinition;
import com.propcloud.pms.asset.importing.SpreadsheetWriter;
import com.propcloud.pms.asset.importing.Tally;
import com.propcloud.pms.asset.importing.VersionedUpdates;
import com.propcloud.pms.common.messaging.outbox.Outbox;
import com.propcloud.pms.common.security.DataScope;
import com.propcloud.pms.common.tenant.TenantContext;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The buildings+units sheet: one row per unit, its building's fields repeated on every row (so an
 * export, filtered any way, is itself an importable file). Rows match the registry by natural keys,
 * the building's code within the project and the unit's number within its building: a new key is
 * created, a known one updated where a field differs, left alone where none does. An import never
 * deletes. The same rules as the API hold (floor within the building, areas positive with two decimals,
 * the inner area within the gross), reported per row rather than as one error.
 *
 * <p>Writes are JDBC batches in the import's transaction (tenant set, so row-level security checks
 * every row), each change leaving the same {@code asset.building.*}/{@code asset.unit.*} event as the
 * API's, and the project's tree is invalidated after the commit.
 */
@Component
class UnitSheet implements SheetDefinition {

    static final Column BUILDING_CODE = new Column("楼栋编号", "Building code");
    static final Column BUILDING_NAME = new Column("楼栋名称", "Building name");
    static final Column FLOORS_ABOVE = new Column("地上层数", "Floors above");
    static final Column FLOORS_BELOW = new Column("地下层数", "Floors below");
    static final Column ELEVATORS = new Column("电梯数", "Elevators");
    static final Column NUMBER = new Column("房号", "Unit number");
    static final Column FLOOR = new Column("楼层", "Floor");
    static final Column ENTRANCE = new Column("单元", "Entrance");
    static final Column TYPE = new Column("房屋类型", "Unit type");
    static final Column GROSS_AREA = new Column("建筑面积", "Gross area");
    static final Column INNER_AREA = new Column("套内面积", "Inner area");
    static final Column STATUS = new Column("房屋状态", "Status");
    static final Column HANDOVER = new Column("交付日期", "Handover date");

    static final List<Column> COLUMNS = List.of(
            BUILDING_CODE,
            BUILDING_NAME,
            FLOORS_ABOVE,
            FLOORS_BELOW,
            ELEVATORS,
            NUMBER,
            FLOOR,
            ENTRANCE,
            TYPE,
            GROSS_AREA,
            INNER_AREA,
            STATUS,
            HANDOVER);

    /** Each value by its API name or its Chinese label; exports write the API name. */
    private static final Map<String, UnitType> TYPES = Map.of(
            "APARTMENT",
            UnitType.APARTMENT,
            "住宅",
            UnitType.APARTMENT,
            "SHOP",
            UnitType.SHOP,
            "商铺",
            UnitType.SHOP,
            "OFFICE",
            UnitType.OFFICE,
            "办公",
            UnitType.OFFICE,
            "STORAGE",
            UnitType.STORAGE,
            "储藏室",
            UnitType.STORAGE,
            "OTHER",
            UnitType.OTHER,
            "其他",
            UnitType.OTHER);

    private static final Map<String, UnitStatus> STATUSES = Map.of(
            "VACANT",
            UnitStatus.VACANT,
            "空置",
            UnitStatus.VACANT,
            "OCCUPIED",
            UnitStatus.OCCUPIED,
            "已入住",
            UnitStatus.OCCUPIED,
            "RENTED",
            UnitStatus.RENTED,
            "出租",
            UnitStatus.RENTED,
            "RENOVATING",
            UnitStatus.RENOVATING,
            "装修中",
            UnitStatus.RENOVATING);

    private static final BigDecimal MAX_AREA = new BigDecimal("99999999.99");
    private static final int BATCH = 500;

    private final JdbcTemplate jdbc;
    private final ProjectTreeCache trees;
    private final PlanLimits limits;
    private final Outbox outbox;
    private final Clock clock;

    UnitSheet(DataSource dataSource, ProjectTreeCache trees, PlanLimits limits, Outbox outbox, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.trees = trees;
        this.limits = limits;
        this.outbox = outbox;
        this.clock = clock;
    }

    private static final Layout LAYOUT = new Layout(
            "units",
            "楼栋房屋 Units",
            COLUMNS,
            List.of(
                    "1",
                    "1号楼",
                    18,
                    2,
                    2,
                    "1-1203",
                    12,
                    "1",
                    "APARTMENT",
                    new BigDecimal("89.50"),
                    new BigDecimal("72.30"),
                    "VACANT",
                    "2024-06-30"));

    @Override
    public Layout layout() {
        return LAYOUT;
    }

    @Override
    public List<String> tables() {
        return List.of("building", "unit");
    }

    @Override
    public SheetRun start(Context context) {
        UUID projectId = context.projectId();
        Boolean exists =
                jdbc.queryForObject("select exists (select 1 from project where id = ?)", Boolean.class, projectId);
        if (!Boolean.TRUE.equals(exists)) {
            throw SheetDefinition.projectNotFound();
        }
        return new Run(projectId);
    }

    /** One row's values, once every field parsed. */
    private record Parsed(String buildingCode, Building.Details building, Unit.Details unit) {}

    private record Known<D>(UUID id, long version, D details) {}

    private record UnitKey(UUID buildingId, String number) {}

    /** A building as the file defines it (first at {@code row}) and, once written, its id. */
    private static final class FileBuilding {
        final int row;
        final Building.Details details;

        @Nullable
        UUID id;

        FileBuilding(int row, Building.Details details) {
            this.row = row;
            this.details = details;
        }
    }

    private final class Run implements SheetRun {

        private final UUID projectId;
        private final UUID tenant = TenantContext.require();
        private final Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        /** The project's buildings by code, and their units: what the file's rows are matched against. */
        private final Map<String, Known<Building.Details>> buildings = new HashMap<>();

        private final Map<UnitKey, Known<Unit.Details>> units = new HashMap<>();
        /** Units someone holds now: their status follows their stays, not the file's status column. */
        private final Set<UUID> occupied = new HashSet<>();

        private final Map<String, FileBuilding> fileBuildings = new LinkedHashMap<>();
        /** Building code and unit number of every row so far, to the row: duplicates are reported. */
        private final Map<String, Integer> seen = new HashMap<>();

        private final Tally tally = new Tally();
        private final List<Object[]> inserts = new ArrayList<>();
        private final List<Object[]> updates = new ArrayList<>();
        /** The events of the rows written since the last flush, appended with them in one outbox batch. */
        private final List<Outbox.Event> events = new ArrayList<>();

        private boolean changed;

        Run(UUID projectId) {
            this.projectId = projectId;
            jdbc.query(
                    "select id, version, code, name, floors_above, floors_below, elevator_count from building"
                            + " where project_id = ?",
                    rs -> {
                        buildings.put(
                                rs.getString("code"),
                                new Known<>(
                                        rs.getObject("id", UUID.class),
                                        rs.getLong("version"),
                                        new Building.Details(
                                                rs.getString("code"),
                                                rs.getString("name"),
                                                rs.getInt("floors_above"),
                                                rs.getInt("floors_below"),
                                                rs.getInt("elevator_count"))));
                    },
                    projectId);
            jdbc.query(
                    "select id, version, building_id, number, floor, entrance, type, gross_area, inner_area, status,"
                            + " handover_date from unit where project_id = ?",
                    rs -> {
                        Date handover = rs.getDate("handover_date");
                        units.put(
                                new UnitKey(rs.getObject("building_id", UUID.class), rs.getString("number")),
                                new Known<>(
                                        rs.getObject("id", UUID.class),
                                        rs.getLong("version"),
                                        new Unit.Details(
                                                rs.getString("number"),
                                                rs.getInt("floor"),
                                                rs.getString("entrance"),
                                                UnitType.valueOf(rs.getString("type")),
                                                rs.getBigDecimal("gross_area"),
                                                rs.getBigDecimal("inner_area"),
                                                UnitStatus.valueOf(rs.getString("status")),
                                                handover == null ? null : handover.toLocalDate())));
                    },
                    projectId);
            jdbc.query(
                    "select distinct unit_id from occupancy where project_id = ? and move_out is null",
                    rs -> {
                        occupied.add(rs.getObject(1, UUID.class));
                    },
                    projectId);
        }

        @Override
        public void validate(RowReader row) {
            tally.row();
            Parsed parsed = followingStays(parse(row));
            if (parsed == null) {
                return;
            }
            FileBuilding building =
                    fileBuildings.putIfAbsent(parsed.buildingCode(), new FileBuilding(row.number(), parsed.building()));
            if (building == null) {
                building = fileBuildings.get(parsed.buildingCode());
            } else if (!building.details.equals(parsed.building())) {
                row.problem(
                        BUILDING_NAME,
                        "楼栋信息与第 " + building.row + " 行不一致 / the building's name, floors or elevators differ"
                                + " from row " + building.row + " of the same building code");
            }
            Unit.Details unit = parsed.unit();
            if (!hasFloor(building.details, unit.floor())) {
                row.problem(
                        FLOOR,
                        "楼层超出楼栋范围 / floor " + unit.floor() + " lies outside building " + parsed.buildingCode()
                                + " (" + -building.details.floorsBelow() + ".." + building.details.floorsAbove()
                                + ", no floor 0)");
            }
            Integer first = seen.putIfAbsent(parsed.buildingCode() + '\u0000' + unit.number(), row.number());
            if (first != null) {
                row.problem(
                        NUMBER,
                        "房号重复 / unit number " + unit.number() + " of building " + parsed.buildingCode()
                                + " is also on row " + first);
            }
            if (row.failed()) {
                return;
            }
            Known<Unit.Details> known = known(parsed);
            tally.valid(known != null, known != null && known.details().equals(unit));
        }

        /**
         * A building whose floors the file narrows must still hold the units the file does not mention
         * (the file's own are checked row by row). The units the file would create must fit the tenant's
         * plan: one problem for the whole file. A commit checks this again in its own transaction, whose
         * tenant lock ({@link PlanLimits}) then holds until the units are written.
         */
        @Override
        public Counts finishValidation(ProblemSink problems) {
            Counts counts = tally.counts();
            limits.unitLimitProblem(tenant, counts.toCreate())
                    .ifPresent(reason -> problems.add(
                            1, null, "超出套餐房屋数量上限 / " + reason + " (" + RegistryCodes.PLAN_UNIT_LIMIT_REACHED + ")"));
            for (var entry : fileBuildings.entrySet()) {
                Known<Building.Details> existing = buildings.get(entry.getKey());
                if (existing == null) {
                    continue;
                }
                Building.Details target = entry.getValue().details;
                units.forEach((key, unit) -> {
                    if (key.buildingId().equals(existing.id())
                            && !seen.containsKey(entry.getKey() + '\u0000' + key.number())
                            && !hasFloor(target, unit.details().floor())) {
                        problems.add(
                                entry.getValue().row,
                                FLOORS_ABOVE,
                                "楼层范围不含已有房屋 / existing unit " + key.number() + " on floor "
                                        + unit.details().floor() + " lies outside the building's new floors");
                    }
                });
            }
            return counts;
        }

        /**
         * Buildings first: new ones inserted, changed ones updated with their floors widened to cover
         * both the old and the new range, so that units can move floors in any order; the range is
         * narrowed to the file's once the units are written (the database checks both ways).
         */
        @Override
        public void beginWrite() {
            for (var entry : fileBuildings.entrySet()) {
                FileBuilding file = entry.getValue();
                Building.Details d = file.details;
                Known<Building.Details> existing = buildings.get(entry.getKey());
                if (existing == null) {
                    file.id = UUID.randomUUID();
                    jdbc.update(
                            "insert into building (id, version, tenant_id, project_id, code, name, floors_above,"
                                    + " floors_below, elevator_count, created_at, updated_at)"
                                    + " values (?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            file.id,
                            tenant,
                            projectId,
                            d.code(),
                            d.name(),
                            d.floorsAbove(),
                            d.floorsBelow(),
                            d.elevatorCount(),
                            Timestamp.from(now),
                            Timestamp.from(now));
                    buildingChanged(BuildingChangedV1.CREATED, file.id, d);
                } else {
                    file.id = existing.id();
                    if (!existing.details().equals(d)) {
                        Building.Details old = existing.details();
                        int updated = jdbc.update(
                                "update building set version = version + 1, name = ?, floors_above = ?,"
                                        + " floors_below = ?, elevator_count = ?, updated_at = ? where id = ? and version = ?",
                                d.name(),
                                Math.max(d.floorsAbove(), old.floorsAbove()),
                                Math.max(d.floorsBelow(), old.floorsBelow()),
                                d.elevatorCount(),
                                Timestamp.from(now),
                                existing.id(),
                                existing.version());
                        VersionedUpdates.requireOne(updated, "building " + d.code());
                        buildingChanged(BuildingChangedV1.UPDATED, file.id, d);
                    }
                }
            }
        }

        @Override
        public void write(RowReader row) {
            Parsed parsed = followingStays(parse(row));
            if (parsed == null) {
                throw new IllegalStateException("Row " + row.number() + " no longer parses");
            }
            UUID buildingId = fileBuildings.get(parsed.buildingCode()).id;
            Unit.Details d = parsed.unit();
            Known<Unit.Details> known = known(parsed);
            if (known != null && known.details().equals(d)) {
                return;
            }
            UUID id = known == null ? UUID.randomUUID() : known.id();
            Object entrance = d.entrance();
            Object inner = d.innerArea();
            Object handover = d.handoverDate() == null ? null : Date.valueOf(d.handoverDate());
            if (known == null) {
                inserts.add(new Object[] {
                    id,
                    tenant,
                    projectId,
                    buildingId,
                    d.number(),
                    d.floor(),
                    entrance,
                    d.type().name(),
                    d.grossArea(),
                    inner,
                    d.status().name(),
                    handover,
                    Timestamp.from(now),
                    Timestamp.from(now)
                });
            } else {
                updates.add(new Object[] {
                    d.floor(),
                    entrance,
                    d.type().name(),
                    d.grossArea(),
                    inner,
                    d.status().name(),
                    handover,
                    Timestamp.from(now),
                    id,
                    known.version()
                });
            }
            events.add(new Outbox.Event(
                    known == null ? UnitChangedV1.CREATED : UnitChangedV1.UPDATED,
                    id,
                    projectId,
                    new UnitChangedV1(
                            id,
                            projectId,
                            buildingId,
                            d.number(),
                            d.floor(),
                            d.entrance(),
                            d.type(),
                            d.status(),
                            d.grossArea(),
                            d.innerArea(),
                            d.handoverDate(),
                            now),
                    UnitChangedV1.VERSION));
            changed = true;
            if (inserts.size() + updates.size() >= BATCH) {
                flush();
            }
        }

        @Override
        public void finishWrite() {
            flush();
            for (var entry : fileBuildings.entrySet()) {
                Known<Building.Details> existing = buildings.get(entry.getKey());
                Building.Details d = entry.getValue().details;
                if (existing != null
                        && (d.floorsAbove() < existing.details().floorsAbove()
                                || d.floorsBelow() < existing.details().floorsBelow())) {
                    jdbc.update(
                            "update building set floors_above = ?, floors_below = ? where id = ?",
                            d.floorsAbove(),
                            d.floorsBelow(),
                            existing.id());
                }
            }
            if (changed) {
                trees.invalidateAfterCommit(projectId);
            }
        }

        private void flush() {
            if (!inserts.isEmpty()) {
                // one multi-row insert per batch (reWriteBatchedInserts), checked by row-level security
                jdbc.batchUpdate(
                        "insert into unit (id, version, tenant_id, project_id, building_id, number, floor, entrance,"
                                + " type, gross_area, inner_area, status, handover_date, created_at, updated_at)"
                                + " values (?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        inserts);
                inserts.clear();
            }
            VersionedUpdates.run(
                    jdbc,
                    "update unit set version = version + 1, floor = ?, entrance = ?, type = ?, gross_area = ?,"
                            + " inner_area = ?, status = ?, handover_date = ?, updated_at = ?"
                            + " where id = ? and version = ?",
                    updates,
                    "a unit");
            if (!events.isEmpty()) {
                outbox.appendAll(events);
                events.clear();
            }
        }

        /**
         * An occupied unit keeps the status its stays give it (occupancy.UnitStatusFollower): a file
         * exported before the owners were imported, or edited to say VACANT, must not empty a home
         * people live in. Its other fields are imported as usual.
         */
        private @Nullable Parsed followingStays(@Nullable Parsed parsed) {
            Known<Unit.Details> known = parsed == null ? null : known(parsed);
            if (known == null || !occupied.contains(known.id())) {
                return parsed;
            }
            Unit.Details d = parsed.unit();
            Unit.Details kept = new Unit.Details(
                    d.number(),
                    d.floor(),
                    d.entrance(),
                    d.type(),
                    d.grossArea(),
                    d.innerArea(),
                    known.details().status(),
                    d.handoverDate());
            return new Parsed(parsed.buildingCode(), parsed.building(), kept);
        }

        private @Nullable Known<Unit.Details> known(Parsed parsed) {
            Known<Building.Details> building = buildings.get(parsed.buildingCode());
            return building == null
                    ? null
                    : units.get(new UnitKey(building.id(), parsed.unit().number()));
        }

        private void buildingChanged(String type, UUID id, Building.Details d) {
            // appended with the first batch of units, ahead of their events
            events.add(new Outbox.Event(
                    type,
                    id,
                    projectId,
                    new BuildingChangedV1(id, projectId, d.code(), d.name(), d.floorsAbove(), d.floorsBelow(), now),
                    BuildingChangedV1.VERSION));
            changed = true;
        }
    }

    /** A row's values, each field's problem reported; null when any field is wrong. */
    private static @Nullable Parsed parse(RowReader row) {
        String code = row.text(BUILDING_CODE, true, 32);
        String name = row.text(BUILDING_NAME, true, 100);
        Integer above = row.integer(FLOORS_ABOVE, true);
        Integer below = row.integer(FLOORS_BELOW, false);
        Integer elevators = row.integer(ELEVATORS, false);
        String number = row.text(NUMBER, true, 32);
        Integer floor = row.integer(FLOOR, true);
        String entrance = row.text(ENTRANCE, false, 32);
        UnitType type = row.choice(TYPE, TYPES, true);
        BigDecimal gross = area(row, GROSS_AREA, true);
        BigDecimal inner = area(row, INNER_AREA, false);
        UnitStatus status = row.choice(STATUS, STATUSES, false);
        LocalDate handover = row.date(HANDOVER, false);
        if (above != null && above < 1) {
            row.problem(FLOORS_ABOVE, "至少 1 层 / at least 1");
        }
        if (below != null && below < 0) {
            row.problem(FLOORS_BELOW, "不能为负 / cannot be negative");
        }
        if (elevators != null && elevators < 0) {
            row.problem(ELEVATORS, "不能为负 / cannot be negative");
        }
        if (gross != null && inner != null && inner.compareTo(gross) > 0) {
            row.problem(INNER_AREA, "套内面积大于建筑面积 / the inner area exceeds the gross area");
        }
        if (row.failed()) {
            return null;
        }
        return new Parsed(
                code,
                new Building.Details(code, name, above, below == null ? 0 : below, elevators == null ? 0 : elevators),
                new Unit.Details(
                        number,
                        floor,
                        entrance,
                        type,
                        gross,
                        inner,
                        status == null ? UnitStatus.VACANT : status,
                        handover));
    }

    /** Square metres, positive, at most two decimals; scaled to two so they compare with the database's. */
    private static @Nullable BigDecimal area(RowReader row, Column column, boolean required) {
        BigDecimal area = row.decimal(column, required);
        if (area == null) {
            return null;
        }
        if (area.signum() <= 0 || area.scale() > 2 || area.compareTo(MAX_AREA) > 0) {
            row.problem(column, "面积须为正数且最多两位小数 / the area must be positive m² with at most two decimals");
            return null;
        }
        return area.setScale(2, RoundingMode.UNNECESSARY);
    }

    private static boolean hasFloor(Building.Details building, int floor) {
        return floor != 0 && floor <= building.floorsAbove() && floor >= -building.floorsBelow();
    }

    /**
     * Writes the units the unit list would show (its filters, the caller's scope) in the template's
     * columns, building by building, streamed from the database; call within a transaction.
     */
    void export(UnitService.Filter filter, DataScope scope, SpreadsheetWriter writer) throws IOException {
        writer.header(COLUMNS);
        ExportQuery.inScope(scope, "u.project_id")
                .equal("u.project_id", filter.projectId())
                .equal("u.building_id", filter.buildingId())
                .equal("u.status", filter.status())
                .equal("u.type", filter.type())
                .startsWith("u.number", filter.numberPrefix())
                .stream(
                        jdbc.getDataSource(),
                        "select b.code, b.name, b.floors_above, b.floors_below, b.elevator_count, u.number, u.floor,"
                                + " u.entrance, u.type, u.gross_area, u.inner_area, u.status, u.handover_date"
                                + " from unit u join building b on b.id = u.building_id",
                        "u.project_id, b.code, u.floor, u.number",
                        rs -> {
                            Date handover = rs.getDate("handover_date");
                            List<@Nullable Object> values = new ArrayList<>(COLUMNS.size());
                            values.add(rs.getString("code"));
                            values.add(rs.getString("name"));
                            values.add(rs.getInt("floors_above"));
                            values.add(rs.getInt("floors_below"));
                            values.add(rs.getInt("elevator_count"));
                            values.add(rs.getString("number"));
                            values.add(rs.getInt("floor"));
                            values.add(rs.getString("entrance"));
                            values.add(rs.getString("type"));
                            values.add(rs.getBigDecimal("gross_area"));
                            values.add(rs.getBigDecimal("inner_area"));
                            values.add(rs.getString("status"));
                            values.add(handover == null ? null : handover.toLocalDate());
                            writer.row(values);
                        });
    }
}
