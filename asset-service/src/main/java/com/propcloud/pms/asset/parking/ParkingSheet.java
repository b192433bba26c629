package com.propcloud.pms.asset.parking;

import com.propcloud.pms.asset.importing.Column;
import com.propcloud.pms.asset.importing.ExportQuery;
import com.propcloud.pms.asset.importing.ProblemSink;
import com.propcloud.pms.asset.importing.RowReader;
import com.propcloud.pms.asset.importing.SheetDefinition;
import com.propcloud.pms.asset.importing.SpreadsheetWriter;
import com.propcloud.pms.asset.importing.Tally;
import com.propcloud.pms.asset.importing.VersionedUpdates;
import com.propcloud.pms.asset.registry.RegistryDirectory;
import com.propcloud.pms.asset.registry.RegistryDirectory.UnitKey;
import com.propcloud.pms.asset.registry.RegistryLookup;
import com.propcloud.pms.common.messaging.outbox.Outbox;
import com.propcloud.pms.common.security.DataScope;
import com.propcloud.pms.common.tenant.TenantContext;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The parking sheet: one row per space, matched by its natural key, zone and number within the project
 * (V30's {@code parking_space_number_unique}): a new key is created, a known one updated where a field
 * differs, left alone where none does. An import never deletes. A space's holder is named as people
 * know it, building code and unit number (both or neither), and must be a unit of the project.
 *
 * <p>A space held through an occupant's stay keeps the stay (the sheet has no column for it), so its
 * unit cannot change in an import, as the API refuses it too. Writes are JDBC batches in the import's
 * transaction, every row through row-level security; each new or changed space leaves the same {@code
 * asset.parking-space.created}/{@code .updated} event as the API's, appended with its batch.
 */
@Component
class ParkingSheet implements SheetDefinition {

    static final Column ZONE = new Column("区域", "Zone");
    static final Column NUMBER = new Column("车位号", "Space number");
    static final Column TYPE = new Column("车位类型", "Type");
    static final Column STATUS = new Column("车位状态", "Status");
    static final Column BUILDING_CODE = new Column("楼栋编号", "Building code");
    static final Column UNIT_NUMBER = new Column("房号", "Unit number");

    static final List<Column> COLUMNS = List.of(ZONE, NUMBER, TYPE, STATUS, BUILDING_CODE, UNIT_NUMBER);

    /** Each value by its API name or its Chinese label; exports write the API name. */
    private static final Map<String, ParkingSpaceType> TYPES = Map.of(
            "OWNED", ParkingSpaceType.OWNED,
            "自有", ParkingSpaceType.OWNED,
            "RENTED", ParkingSpaceType.RENTED,
            "租赁", ParkingSpaceType.RENTED,
            "VISITOR", ParkingSpaceType.VISITOR,
            "访客", ParkingSpaceType.VISITOR);

    private static final Map<String, ParkingSpaceStatus> STATUSES = Map.of(
            "AVAILABLE", ParkingSpaceStatus.AVAILABLE,
            "空闲", ParkingSpaceStatus.AVAILABLE,
            "OCCUPIED", ParkingSpaceStatus.OCCUPIED,
            "已占用", ParkingSpaceStatus.OCCUPIED,
            "RESERVED", ParkingSpaceStatus.RESERVED,
            "预留", ParkingSpaceStatus.RESERVED,
            "DISABLED", ParkingSpaceStatus.DISABLED,
            "停用", ParkingSpaceStatus.DISABLED);

    private static final int BATCH = 500;

    private final JdbcTemplate jdbc;
    private final RegistryDirectory registry;
    private final RegistryLookup buildingLookup;
    private final Outbox outbox;
    private final Clock clock;

    ParkingSheet(
            DataSource dataSource,
            RegistryDirectory registry,
            RegistryLookup buildingLookup,
            Outbox outbox,
            Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.registry = registry;
        this.outbox = outbox;
        this.buildingLookup = buildingLookup;
        this.clock = clock;
    }

    private static final Layout LAYOUT = new Layout(
            "parking-spaces",
            "车位 Parking spaces",
            COLUMNS,
            List.of("B1", "B1-018", "OWNED", "OCCUPIED", "1", "1-1203"));

    @Override
    public Layout layout() {
        return LAYOUT;
    }

    @Override
    public List<String> tables() {
        return List.of("parking_space");
    }

    @Override
    public SheetRun start(Context context) {
        UUID projectId = context.projectId();
        if (!registry.projectExists(projectId)) {
            throw SheetDefinition.projectNotFound();
        }
        return new Run(projectId);
    }

    /** A row's values once every field parsed and its unit, if any, found. */
    private record Parsed(
            SpaceKey key,
            ParkingSpaceType type,
            ParkingSpaceStatus status,
            @Nullable UUID unitId) {}

    private record SpaceKey(String zone, String number) {}

    /** A space as the project holds it: what the sheet compares, and the stay that may hold it. */
    private record Known(
            UUID id,
            long version,
            ParkingSpaceType type,
            ParkingSpaceStatus status,
            @Nullable UUID unitId,
            @Nullable UUID occupancyId) {}

    private final class Run implements SheetRun {

        private final UUID projectId;
        private final UUID tenant = TenantContext.require();
        private final Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        private final Map<UnitKey, UUID> units;
        private final Set<String> buildings;
        private final Map<SpaceKey, Known> spaces = new HashMap<>();
        /** The key of every row so far, to the row: duplicates are reported. */
        private final Map<SpaceKey, Integer> seen = new HashMap<>();

        private final Tally tally = new Tally();
        private final List<Object[]> inserts = new ArrayList<>();
        private final List<Object[]> updates = new ArrayList<>();
        private final List<Outbox.Event> events = new ArrayList<>();

        Run(UUID projectId) {
            this.projectId = projectId;
            this.units = registry.unitsByKey(projectId);
            this.buildings = buildingLookup.buildingsByCode(projectId).keySet();
            jdbc.query(
                    "select id, version, zone, number, type, status, unit_id, occupancy_id from parking_space"
                            + " where project_id = ?",
                    rs -> {
                        spaces.put(
                                new SpaceKey(rs.getString("zone"), rs.getString("number")),
                                new Known(
                                        rs.getObject("id", UUID.class),
                                        rs.getLong("version"),
                                        ParkingSpaceType.valueOf(rs.getString("type")),
                                        ParkingSpaceStatus.valueOf(rs.getString("status")),
                                        rs.getObject("unit_id", UUID.class),
                                        rs.getObject("occupancy_id", UUID.class)));
                    },
                    projectId);
        }

        @Override
        public void validate(RowReader row) {
            tally.row();
            Parsed parsed = parse(row);
            if (parsed == null) {
                return;
            }
            Integer first = seen.putIfAbsent(parsed.key(), row.number());
            if (first != null) {
                row.problem(
                        NUMBER,
                        "车位号重复 / space " + parsed.key().number() + " of zone "
                                + parsed.key().zone() + " is also on row " + first);
            }
            Known known = spaces.get(parsed.key());
            if (known != null && known.occupancyId() != null && !Objects.equals(known.unitId(), parsed.unitId())) {
                row.problem(
                        UNIT_NUMBER,
                        "车位由住户租用，不能在导入中改房屋 / the space is held through an occupant's stay; change its"
                                + " unit in the app, not in an import");
            }
            if (row.failed()) {
                return;
            }
            tally.valid(known != null, known != null && same(known, parsed));
        }

        @Override
        public Counts finishValidation(ProblemSink problems) {
            return tally.counts();
        }

        @Override
        public void write(RowReader row) {
            Parsed parsed = parse(row);
            if (parsed == null) {
                throw new IllegalStateException("Row " + row.number() + " no longer parses");
            }
            Known known = spaces.get(parsed.key());
            if (known != null && same(known, parsed)) {
                return;
            }
            UUID id = known == null ? UUID.randomUUID() : known.id();
            events.add(new Outbox.Event(
                    known == null ? ParkingSpaceChangedV1.CREATED : ParkingSpaceChangedV1.UPDATED,
                    id,
                    projectId,
                    new ParkingSpaceChangedV1(
                            id,
                            projectId,
                            parsed.key().zone(),
                            parsed.key().number(),
                            parsed.type(),
                            parsed.status(),
                            parsed.unitId(),
                            known == null ? null : known.occupancyId(),
                            now),
                    ParkingSpaceChangedV1.VERSION));
            if (known == null) {
                inserts.add(new Object[] {
                    id,
                    tenant,
                    projectId,
                    parsed.key().zone(),
                    parsed.key().number(),
                    parsed.type().name(),
                    parsed.status().name(),
                    parsed.unitId(),
                    Timestamp.from(now),
                    Timestamp.from(now)
                });
            } else {
                updates.add(new Object[] {
                    parsed.type().name(),
                    parsed.status().name(),
                    parsed.unitId(),
                    Timestamp.from(now),
                    known.id(),
                    known.version()
                });
            }
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
                        "insert into parking_space (id, version, tenant_id, project_id, zone, number, type, status,"
                                + " unit_id, created_at, updated_at) values (?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        inserts);
                inserts.clear();
            }
            VersionedUpdates.run(
                    jdbc,
                    "update parking_space set version = version + 1, type = ?, status = ?, unit_id = ?,"
                            + " updated_at = ? where id = ? and version = ?",
                    updates,
                    "A parking space");
            outbox.appendAll(events);
            events.clear();
        }

        /** A row's values, each field's problem reported; null when any field is wrong. */
        private @Nullable Parsed parse(RowReader row) {
            String zone = row.text(ZONE, true, 64);
            String number = row.text(NUMBER, true, 32);
            ParkingSpaceType type = row.choice(TYPE, TYPES, true);
            ParkingSpaceStatus status = row.choice(STATUS, STATUSES, false);
            String buildingCode = row.text(BUILDING_CODE, false, 32);
            String unitNumber = row.text(UNIT_NUMBER, false, 32);
            UUID unitId = null;
            if (buildingCode != null && unitNumber == null) {
                row.problem(UNIT_NUMBER, "楼栋编号与房号须同时填写 / give the unit number with the building code, or neither");
            } else if (buildingCode == null && unitNumber != null) {
                row.problem(BUILDING_CODE, "楼栋编号与房号须同时填写 / give the building code with the unit number, or neither");
            } else if (buildingCode != null) {
                unitId = units.get(new UnitKey(buildingCode, unitNumber));
                if (unitId == null && !buildings.contains(buildingCode)) {
                    row.problem(BUILDING_CODE, "楼栋不存在 / the project has no building with code " + buildingCode);
                } else if (unitId == null) {
                    row.problem(
                            UNIT_NUMBER, "房屋不存在 / building " + buildingCode + " has no unit numbered " + unitNumber);
                }
            }
            if (row.failed()) {
                return null;
            }
            return new Parsed(
                    new SpaceKey(zone, number), type, status == null ? ParkingSpaceStatus.AVAILABLE : status, unitId);
        }
    }

    private static boolean same(Known known, Parsed parsed) {
        return known.type() == parsed.type()
                && known.status() == parsed.status()
                && Objects.equals(known.unitId(), parsed.unitId());
    }

    /**
     * Writes the spaces the parking list would show (its filters, the caller's scope) in the template's
     * columns, project by project, each holder named by building code and unit number; call within a
     * transaction. The registry's keys are looked up per project before its spaces are streamed.
     */
    void export(ParkingSpaceService.Filter filter, DataScope scope, SpreadsheetWriter writer) throws IOException {
        writer.header(COLUMNS);
        List<UUID> projects = filter.projectId() != null
                ? List.of(filter.projectId())
                : exportQuery(filter, scope)
                        .list(
                                jdbc.getDataSource(),
                                "select distinct project_id from parking_space",
                                "project_id",
                                (rs, i) -> rs.getObject(1, UUID.class));
        for (UUID project : projects) {
            Map<UUID, UnitKey> keys = registry.unitsByKey(project).entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey));
            exportQuery(filter, scope).equal("project_id", project).stream(
                    jdbc.getDataSource(),
                    "select zone, number, type, status, unit_id from parking_space",
                    "zone, number",
                    rs -> {
                        UnitKey unit = keys.get(rs.getObject("unit_id", UUID.class));
                        List<@Nullable Object> values = new ArrayList<>(COLUMNS.size());
                        values.add(rs.getString("zone"));
                        values.add(rs.getString("number"));
                        values.add(rs.getString("type"));
                        values.add(rs.getString("status"));
                        values.add(unit == null ? null : unit.buildingCode());
                        values.add(unit == null ? null : unit.number());
                        writer.row(values);
                    });
        }
    }

    private static ExportQuery exportQuery(ParkingSpaceService.Filter filter, DataScope scope) {
        return ExportQuery.inScope(scope, "project_id")
                .equal("zone", filter.zone() == null ? null : filter.zone().strip())
                .equal("type", filter.type())
                .equal("status", filter.status())
                .equal("unit_id", filter.unitId());
    }
}
