package com.propcloud.pms.asset.occupancy;

import com.propcloud.pms.asset.importing.Column;
import com.propcloud.pms.asset.importing.ProblemSink;
import com.propcloud.pms.asset.importing.RowReader;
import com.propcloud.pms.asset.importing.SheetDefinition;
import com.propcloud.pms.common.audit.Masking;
import com.propcloud.pms.common.messaging.outbox.Outbox;
import com.propcloud.pms.common.pii.IdNumbers;
import com.propcloud.pms.common.pii.Phones;
import com.propcloud.pms.common.tenant.TenantContext;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The owners+occupancy sheet: one row per person per unit (building code and unit number, name, mobile
 * phone, ID number, role, primary payer, move-in date). It spans two services. The dry run checks what
 * asset-service can: the unit exists, the row is well formed, the file agrees with itself (one primary
 * payer per unit, one name per phone) and with the units' current occupants, matching a person already
 * there by name and masked phone. The commit then first has the people created or matched by phone in
 * user-service ({@link OwnerPreparation}, resumable, keyed by the import), and links them in one
 * transaction here, checked again with the people now known by id: a failed file links nobody. The
 * linked units' statuses then follow their stays ({@link UnitStatusFollower}), as after a link by hand.
 *
 * <p>Occupancy is history, never overwritten: a person who already holds the unit in the row's role is
 * left unchanged; holding it in another role is a problem to settle in the occupancy screen (end the
 * stay, then import or link again), not something an import silently rewrites.
 */
@Component
class OwnerSheet implements SheetDefinition {

    static final Column BUILDING_CODE = new Column("楼栋编号", "Building code");
    static final Column UNIT_NUMBER = new Column("房号", "Unit number");
    static final Column NAME = new Column("姓名", "Name");
    static final Column PHONE = new Column("手机号", "Mobile phone");
    static final Column ID_NUMBER = new Column("身份证号", "ID number");
    static final Column ROLE = new Column("身份", "Role");
    static final Column PRIMARY_PAYER = new Column("主缴费人", "Primary payer");
    static final Column MOVE_IN = new Column("入住日期", "Move-in date");

    static final List<Column> COLUMNS =
            List.of(BUILDING_CODE, UNIT_NUMBER, NAME, PHONE, ID_NUMBER, ROLE, PRIMARY_PAYER, MOVE_IN);

    private static final int NAME_LENGTH = 100;
    private static final int BATCH = 500;

    static final Map<String, OccupancyRole> ROLES = Map.of(
            "OWNER", OccupancyRole.OWNER,
            "业主", OccupancyRole.OWNER,
            "CO_OWNER", OccupancyRole.CO_OWNER,
            "共有人", OccupancyRole.CO_OWNER,
            "FAMILY", OccupancyRole.FAMILY,
            "家庭成员", OccupancyRole.FAMILY,
            "TENANT", OccupancyRole.TENANT,
            "租户", OccupancyRole.TENANT);

    private static final Map<String, Boolean> YES_NO = Map.of(
            "是", true, "否", false, "Y", true, "N", false, "YES", true, "NO", false, "TRUE", true, "FALSE", false, "1",
            true, "0", false);

    private final JdbcTemplate jdbc;
    private final Outbox outbox;
    private final OwnerPreparation preparation;
    private final UnitStatusFollower follower;
    private final Clock clock;
    private final ZoneId zone;

    OwnerSheet(
            JdbcTemplate jdbc,
            Outbox outbox,
            OwnerPreparation preparation,
            UnitStatusFollower follower,
            Clock clock,
            @org.springframework.beans.factory.annotation.Value("${asset.schedule.zone:Asia/Shanghai}") ZoneId zone) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.preparation = preparation;
        this.follower = follower;
        this.clock = clock;
        this.zone = zone;
    }

    private static final Layout LAYOUT = new Layout(
            "owners",
            "业主与住户 Owners",
            COLUMNS,
            List.of("1", "1-1203", "张伟", "13900000001", "", "业主", "是", "2024-05-01"));

    @Override
    public Layout layout() {
        return LAYOUT;
    }

    @Override
    public List<String> tables() {
        return List.of("occupancy", "unit");
    }

    @Override
    public SheetRun start(Context context) {
        return new Run(context.projectId(), context.importId(), preparation.prepared(context.importId()));
    }

    @Override
    public Preparation preparation() {
        return preparation;
    }

    /** One row's values, once every field parsed; the phone in its 11-digit form. */
    record Parsed(
            String buildingCode,
            String unitNumber,
            String name,
            String phone,
            @Nullable String idNumber,
            OccupancyRole role,
            boolean primaryPayer,
            @Nullable LocalDate moveIn) {

        String unitKey() {
            return buildingCode + '\u0000' + unitNumber;
        }

        @Override
        public String toString() {
            return "Parsed[" + buildingCode + "/" + unitNumber + ", " + Masking.phone(phone) + ", " + role + "]";
        }
    }

    /** Reads a row; null when any field is wrong (each problem reported with its column). */
    static @Nullable Parsed parse(RowReader row) {
        String building = row.text(BUILDING_CODE, true, 40);
        String number = row.text(UNIT_NUMBER, true, 40);
        String name = row.text(NAME, true, NAME_LENGTH);
        String phoneText = row.text(PHONE, true, 40);
        String phone = null;
        if (phoneText != null) {
            phone = Phones.normalise(phoneText).orElse(null);
            if (phone == null) {
                row.problem(PHONE, "手机号格式不正确 / not a mainland mobile number (11 digits starting 13–19)");
            }
        }
        String idText = row.text(ID_NUMBER, false, 40);
        String idNumber = null;
        if (idText != null) {
            idNumber = IdNumbers.normalise(idText).orElse(null);
            if (idNumber == null) {
                row.problem(ID_NUMBER, "身份证号不正确 / not an 18-character resident ID number with a valid check character");
            }
        }
        OccupancyRole role = row.choice(ROLE, ROLES, true);
        Boolean primary = row.choice(PRIMARY_PAYER, YES_NO, false);
        LocalDate moveIn = row.date(MOVE_IN, false);
        if (row.failed()) {
            return null;
        }
        return new Parsed(building, number, name, phone, idNumber, role, primary != null && primary, moveIn);
    }

    /** The category user-service files a new person under. */
    static String category(OccupancyRole role, String unitType) {
        return switch (role) {
            case OWNER, CO_OWNER -> "OWNER";
            case FAMILY -> "RESIDENT";
            case TENANT -> Set.of("OFFICE", "SHOP").contains(unitType) ? "COMMERCIAL_TENANT" : "RESIDENT";
        };
    }

    /** A unit of the project, by building code and number. */
    record UnitRef(UUID id, String type) {}

    /** Every unit of the project by building code and number. */
    static Map<String, UnitRef> units(JdbcTemplate jdbc, UUID projectId) {
        Map<String, UnitRef> units = new HashMap<>();
        jdbc.query(
                "select u.id, u.type, b.code, u.number from unit u join building b on b.id = u.building_id"
                        + " where u.project_id = ?",
                rs -> {
                    units.put(
                            rs.getString("code") + '\u0000' + rs.getString("number"),
                            new UnitRef(rs.getObject("id", UUID.class), rs.getString("type")));
                },
                projectId);
        return units;
    }

    /** A current stay, with what the dry run can know of its person. */
    private record Stay(
            UUID personId,
            OccupancyRole role,
            boolean primaryPayer,
            String displayName,
            @Nullable String phoneMasked,
            String status) {}

    private final class Run implements SheetRun {

        private final UUID projectId;
        private final UUID tenant = TenantContext.require();
        private final Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        /** Row number to person id, once the commit's preparation ran; empty in a dry run. */
        private final Map<Integer, UUID> prepared;

        private final Map<String, UnitRef> units;
        private final Map<UUID, List<Stay>> stays = new HashMap<>();
        /** People the preparation named that hold nothing yet: whether each may take a new link. */
        private final Map<UUID, String> statuses = new HashMap<>();

        private final Map<String, Integer> unitAndPhone = new HashMap<>();
        private final Map<UUID, Integer> primaryRows = new HashMap<>();
        private final Map<String, NameAt> names = new HashMap<>();

        private int rows;
        private int toCreate;
        private int unchanged;
        private final List<Object[]> inserts = new ArrayList<>();
        private final List<Outbox.Event> events = new ArrayList<>();
        /** Units that gained a stay: their status follows once all are written. */
        private final Set<UUID> linkedUnits = new HashSet<>();

        /** {@code prepared} is empty in a dry run (nobody prepared yet) and complete in a commit. */
        Run(UUID projectId, UUID importId, Map<Integer, UUID> prepared) {
            this.projectId = projectId;
            this.prepared = prepared;
            this.units = units(jdbc, projectId);
            jdbc.query(
                    "select o.unit_id, o.person_id, o.role, o.primary_payer, p.display_name, p.phone_masked,"
                            + " p.status from occupancy o join person p on p.id = o.person_id"
                            + " where o.project_id = ? and o.move_out is null",
                    rs -> {
                        stays.computeIfAbsent(rs.getObject("unit_id", UUID.class), id -> new ArrayList<>(1))
                                .add(new Stay(
                                        rs.getObject("person_id", UUID.class),
                                        OccupancyRole.valueOf(rs.getString("role")),
                                        rs.getBoolean("primary_payer"),
                                        rs.getString("display_name"),
                                        rs.getString("phone_masked"),
                                        rs.getString("status")));
                    },
                    projectId);
            if (!prepared.isEmpty()) {
                // one query for the prepared people (their ids come from the import's own rows)
                jdbc.query(
                        "select p.id, p.status from person p where p.id in"
                                + " (select person_id from import_person where import_id = ?)",
                        rs -> {
                            statuses.put(rs.getObject("id", UUID.class), rs.getString("status"));
                        },
                        importId);
            }
        }

        @Override
        public void validate(RowReader row) {
            rows++;
            Parsed parsed = parse(row);
            if (parsed == null) {
                return;
            }
            UnitRef unit = units.get(parsed.unitKey());
            if (unit == null) {
                row.problem(
                        UNIT_NUMBER,
                        "房屋不存在 / no unit " + parsed.unitNumber() + " in building " + parsed.buildingCode()
                                + " of this project; import buildings and units first");
                return;
            }
            checkFileAgrees(row, parsed, unit);
            if (row.failed()) {
                return;
            }
            classify(row, parsed, unit);
        }

        /** The file against itself: one row per person per unit, one primary payer, one name per phone. */
        private void checkFileAgrees(RowReader row, Parsed parsed, UnitRef unit) {
            Integer same = unitAndPhone.putIfAbsent(unit.id() + parsed.phone(), row.number());
            if (same != null) {
                row.problem(PHONE, "同一房屋重复登记此人 / this person is listed for this unit on row " + same + " too");
            }
            if (parsed.primaryPayer()) {
                Integer other = primaryRows.putIfAbsent(unit.id(), row.number());
                if (other != null) {
                    row.problem(
                            PRIMARY_PAYER,
                            "主缴费人冲突 / the unit already has its primary payer on row " + other
                                    + "; a unit has one primary payer");
                }
            }
            NameAt first = names.putIfAbsent(parsed.phone(), new NameAt(parsed.name(), row.number()));
            if (first != null && !first.name().equals(parsed.name())) {
                row.problem(
                        NAME,
                        "同一手机号姓名不一致 / phone " + Masking.phone(parsed.phone()) + " has another name on row "
                                + first.row() + "; one phone is one person");
            }
        }

        /** The row against the unit's current occupants: unchanged, a new stay, or a conflict. */
        private void classify(RowReader row, Parsed parsed, UnitRef unit) {
            List<Stay> current = stays.getOrDefault(unit.id(), List.of());
            UUID personId = prepared.get(row.number());
            Stay held = personId != null
                    ? current.stream()
                            .filter(stay -> stay.personId().equals(personId))
                            .findFirst()
                            .orElse(null)
                    : sameLooking(current, parsed);
            if (held != null) {
                if (held.role() == parsed.role() && held.primaryPayer() == parsed.primaryPayer()) {
                    unchanged++;
                } else {
                    row.problem(
                            ROLE,
                            "此人已登记于该房屋 / this person already holds the unit as " + held.role()
                                    + (held.primaryPayer() ? " (primary payer)" : "")
                                    + "; end that stay in the occupancy screen to change it");
                }
                return;
            }
            if (parsed.primaryPayer()) {
                current.stream()
                        .filter(Stay::primaryPayer)
                        .findFirst()
                        .ifPresent(payer -> row.problem(
                                PRIMARY_PAYER,
                                "房屋已有主缴费人 / the unit's current primary payer is " + Person.maskName(payer.displayName())
                                        + " " + (payer.phoneMasked() == null ? "" : payer.phoneMasked())
                                        + "; end that stay first"));
            }
            if (personId != null && !"ACTIVE".equals(statuses.get(personId))) {
                row.problem(PHONE, "此人已停用 / the person with this phone is not active in the owner register");
            }
            if (!row.failed()) {
                toCreate++;
            }
        }

        /**
         * The stay of the row's person as far as a dry run can tell: by masked phone among the unit's few
         * current occupants (user-service keeps a matched person's own name, which may differ from the
         * file's), the same name deciding between two alike. The commit then checks by id.
         */
        private @Nullable Stay sameLooking(List<Stay> current, Parsed parsed) {
            String masked = Masking.phone(parsed.phone());
            List<Stay> alike = current.stream()
                    .filter(stay -> masked.equals(stay.phoneMasked()))
                    .toList();
            return alike.stream()
                    .filter(stay -> stay.displayName().equals(parsed.name()))
                    .findFirst()
                    .orElse(alike.isEmpty() ? null : alike.get(0));
        }

        @Override
        public Counts finishValidation(ProblemSink problems) {
            return new Counts(rows, toCreate, 0, unchanged);
        }

        @Override
        public void write(RowReader row) {
            Parsed parsed = parse(row);
            UUID personId = prepared.get(row.number());
            if (parsed == null || personId == null) {
                throw new IllegalStateException("Row " + row.number() + " was not prepared");
            }
            UnitRef unit = units.get(parsed.unitKey());
            boolean held = stays.getOrDefault(unit.id(), List.of()).stream()
                    .anyMatch(stay -> stay.personId().equals(personId));
            if (held) {
                return;
            }
            UUID id = UUID.randomUUID();
            linkedUnits.add(unit.id());
            LocalDate moveIn = parsed.moveIn() != null ? parsed.moveIn() : LocalDate.ofInstant(now, zone);
            inserts.add(new Object[] {
                id,
                tenant,
                projectId,
                unit.id(),
                personId,
                parsed.role().name(),
                parsed.primaryPayer(),
                Date.valueOf(moveIn),
                Timestamp.from(now),
                Timestamp.from(now)
            });
            events.add(new Outbox.Event(
                    OccupancyChangedV1.STARTED,
                    id,
                    projectId,
                    new OccupancyChangedV1(
                            id,
                            unit.id(),
                            projectId,
                            personId,
                            parsed.role(),
                            parsed.primaryPayer(),
                            moveIn,
                            null,
                            now),
                    OccupancyChangedV1.VERSION));
            if (inserts.size() >= BATCH) {
                flush();
            }
        }

        @Override
        public void finishWrite() {
            flush();
            follower.refresh(projectId, linkedUnits);
        }

        private void flush() {
            if (inserts.isEmpty()) {
                return;
            }
            jdbc.batchUpdate(
                    "insert into occupancy (id, version, tenant_id, project_id, unit_id, person_id, role,"
                            + " primary_payer, move_in, created_at, updated_at)"
                            + " values (?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    inserts);
            outbox.appendAll(events);
            inserts.clear();
            events.clear();
        }
    }

    private record NameAt(String name, int row) {}
}
