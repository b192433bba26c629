package com.propcloud.pms.asset.balance;

import com.propcloud.pms.asset.importing.Column;
import com.propcloud.pms.asset.importing.ProblemSink;
import com.propcloud.pms.asset.importing.RowReader;
import com.propcloud.pms.asset.importing.SheetDefinition;
import com.propcloud.pms.asset.importing.SpreadsheetWriter;
import com.propcloud.pms.asset.importing.VersionedUpdates;
import com.propcloud.pms.asset.registry.RegistryLookup;
import com.propcloud.pms.asset.schedule.ScheduleProperties;
import com.propcloud.pms.common.messaging.outbox.Outbox;
import com.propcloud.pms.common.tenant.TenantContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The opening-balances sheet (期初欠费): one row per unit, fee item and month, with the amount owed and
 * any late fee. Units are named as people know them, by building code and unit number within the
 * project. Rows match what is recorded by natural key (unit, fee item, month): a new key is created, a
 * known one updated where the amounts or the note differ, left alone where nothing does. An import never
 * deletes.
 *
 * <p>Writes are JDBC batches in the import's transaction (tenant set, so row-level security checks every
 * row), each created or changed balance leaving an {@code asset.opening-balance.recorded} event for
 * billing-service in the same batches. Unit and building codes are read with SQL joins here (read only),
 * as the unit sheet does, since a file and an export name units by code.
 */
@Component
class OpeningBalanceSheet implements SheetDefinition {

    static final Column BUILDING_CODE = new Column("楼栋编号", "Building code");
    static final Column UNIT_NUMBER = new Column("房号", "Unit number");
    static final Column FEE_ITEM = new Column("收费项目", "Fee item");
    static final Column PERIOD = new Column("所属月份", "Period");
    static final Column AMOUNT = new Column("欠费金额", "Amount owed");
    static final Column LATE_FEE = new Column("滞纳金", "Late fee");
    static final Column NOTE = new Column("备注", "Note");

    static final List<Column> COLUMNS = List.of(BUILDING_CODE, UNIT_NUMBER, FEE_ITEM, PERIOD, AMOUNT, LATE_FEE, NOTE);

    static final int FEE_ITEM_LENGTH = 40;
    static final int NOTE_LENGTH = 200;
    static final String CURRENCY = "CNY";

    /** numeric(14,2): twelve digits before the point. */
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999.99");

    private static final int BATCH = 500;

    private final JdbcTemplate jdbc;
    private final RegistryLookup registry;
    private final Outbox outbox;
    private final Clock clock;
    private final ScheduleProperties business;

    OpeningBalanceSheet(
            DataSource dataSource, RegistryLookup registry, Outbox outbox, Clock clock, ScheduleProperties business) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.registry = registry;
        this.outbox = outbox;
        this.clock = clock;
        this.business = business;
    }

    private static final Layout LAYOUT = new Layout(
            "opening-balances",
            "期初欠费 Opening balances",
            COLUMNS,
            List.of("1", "1-1203", "物业费", "2024-05", new BigDecimal("356.80"), new BigDecimal("12.50"), "旧系统导入"));

    @Override
    public Layout layout() {
        return LAYOUT;
    }

    @Override
    public List<String> tables() {
        return List.of("opening_balance");
    }

    /** A run knows its import: a balance records the import that wrote it. */
    @Override
    public SheetRun start(Context context) {
        if (!registry.projectExists(context.projectId())) {
            throw SheetDefinition.projectNotFound();
        }
        return new Run(context.projectId(), context.importId());
    }

    /** A balance's natural key: the unit, the fee item as the company calls it, and the month. */
    record Key(UUID unitId, String feeItem, YearMonth period) {}

    /** What a balance records beside its key; amounts at scale 2, so equal amounts are equal. */
    record Entry(
            BigDecimal amount,
            @Nullable BigDecimal lateFee,
            @Nullable String note) {}

    private record Known(UUID id, long version, Entry entry) {}

    private record Parsed(Key key, Entry entry) {}

    private final class Run implements SheetRun {

        private final UUID projectId;
        private final @Nullable UUID importId;
        private final UUID tenant = TenantContext.require();
        private final Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        private final YearMonth thisMonth = YearMonth.now(clock.withZone(business.zone()));
        /** The project's units by building code and number, and its building codes (for the reason). */
        private final Map<String, UUID> units = new HashMap<>();

        private final Set<String> buildings = new HashSet<>();
        /** What is recorded for the project's units: what the file's rows are matched against. */
        private final Map<Key, Known> recorded = new HashMap<>();
        /** Every key of the file so far, to its row: a key twice in a file is reported. */
        private final Map<Key, Integer> seen = new HashMap<>();

        private int rows;
        private int toCreate;
        private int toUpdate;
        private int unchanged;
        private final List<Object[]> inserts = new ArrayList<>();
        private final List<Object[]> updates = new ArrayList<>();
        /** The events of the rows written since the last flush, appended with them in one outbox batch. */
        private final List<Outbox.Event> events = new ArrayList<>();

        Run(UUID projectId, @Nullable UUID importId) {
            this.projectId = projectId;
            this.importId = importId;
            jdbc.query(
                    "select u.id, u.number, b.code from unit u join building b on b.id = u.building_id"
                            + " where u.project_id = ?",
                    rs -> {
                        units.put(
                                unitCode(rs.getString("code"), rs.getString("number")), rs.getObject("id", UUID.class));
                        buildings.add(rs.getString("code"));
                    },
                    projectId);
            jdbc.query(
                    "select id, version, unit_id, fee_item, period, amount, late_fee, note from opening_balance"
                            + " where project_id = ?",
                    rs -> {
                        recorded.put(
                                new Key(
                                        rs.getObject("unit_id", UUID.class),
                                        rs.getString("fee_item"),
                                        YearMonth.from(rs.getDate("period").toLocalDate())),
                                new Known(
                                        rs.getObject("id", UUID.class),
                                        rs.getLong("version"),
                                        new Entry(
                                                rs.getBigDecimal("amount"),
                                                rs.getBigDecimal("late_fee"),
                                                rs.getString("note"))));
                    },
                    projectId);
        }

        @Override
        public void validate(RowReader row) {
            rows++;
            Parsed parsed = parse(row);
            if (parsed == null) {
                return;
            }
            Integer first = seen.putIfAbsent(parsed.key(), row.number());
            if (first != null) {
                row.problem(
                        PERIOD,
                        "重复 / the same unit, fee item and period are also on row " + first
                                + ": one balance per unit, fee item and month");
                return;
            }
            Known known = recorded.get(parsed.key());
            if (known == null) {
                toCreate++;
            } else if (known.entry().equals(parsed.entry())) {
                unchanged++;
            } else {
                toUpdate++;
            }
        }

        @Override
        public Counts finishValidation(ProblemSink problems) {
            return new Counts(rows, toCreate, toUpdate, unchanged);
        }

        @Override
        public void write(RowReader row) {
            Parsed parsed = parse(row);
            if (parsed == null) {
                throw new IllegalStateException("Row " + row.number() + " no longer parses");
            }
            Key key = parsed.key();
            Entry entry = parsed.entry();
            Known known = recorded.get(key);
            if (known != null && known.entry().equals(entry)) {
                return;
            }
            UUID id = known == null ? UUID.randomUUID() : known.id();
            if (known == null) {
                inserts.add(new Object[] {
                    id,
                    tenant,
                    projectId,
                    key.unitId(),
                    key.feeItem(),
                    Date.valueOf(key.period().atDay(1)),
                    entry.amount(),
                    entry.lateFee(),
                    entry.note(),
                    importId,
                    Timestamp.from(now),
                    Timestamp.from(now)
                });
            } else {
                updates.add(new Object[] {
                    entry.amount(), entry.lateFee(), entry.note(), importId, Timestamp.from(now), id, known.version()
                });
            }
            events.add(new Outbox.Event(
                    OpeningBalanceRecordedV1.RECORDED,
                    id,
                    projectId,
                    new OpeningBalanceRecordedV1(
                            id,
                            projectId,
                            key.unitId(),
                            key.feeItem(),
                            key.period().toString(),
                            money(entry.amount()),
                            entry.lateFee() == null ? null : money(entry.lateFee()),
                            CURRENCY,
                            importId,
                            now),
                    OpeningBalanceRecordedV1.VERSION));
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
                        "insert into opening_balance (id, version, tenant_id, project_id, unit_id, fee_item, period,"
                                + " amount, late_fee, note, import_id, imported_at, created_at)"
                                + " values (?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        inserts);
                inserts.clear();
            }
            VersionedUpdates.run(
                    jdbc,
                    "update opening_balance set version = version + 1, amount = ?, late_fee = ?, note = ?,"
                            + " import_id = ?, imported_at = ? where id = ? and version = ?",
                    updates,
                    "An opening balance");
            if (!events.isEmpty()) {
                outbox.appendAll(events);
                events.clear();
            }
        }

        /** A row's key and entry, each field's problem reported; null when any field is wrong. */
        private @Nullable Parsed parse(RowReader row) {
            String building = row.text(BUILDING_CODE, true, 32);
            String number = row.text(UNIT_NUMBER, true, 32);
            String feeItem = row.text(FEE_ITEM, true, FEE_ITEM_LENGTH);
            YearMonth period = period(row);
            BigDecimal amount = amount(row, AMOUNT, true);
            BigDecimal lateFee = amount(row, LATE_FEE, false);
            String note = row.text(NOTE, false, NOTE_LENGTH);
            UUID unitId = null;
            if (building != null && number != null) {
                unitId = units.get(unitCode(building, number));
                if (unitId == null && !buildings.contains(building)) {
                    row.problem(BUILDING_CODE, "项目中无此楼栋 / no building " + building + " in this project");
                } else if (unitId == null) {
                    row.problem(
                            UNIT_NUMBER,
                            "楼栋中无此房号 / no unit " + number + " in building " + building + " of this project");
                }
            }
            if (row.failed()) {
                return null;
            }
            return new Parsed(new Key(unitId, feeItem, period), new Entry(amount, lateFee, note));
        }

        private @Nullable YearMonth period(RowReader row) {
            String text = row.text(PERIOD, true, 32);
            if (text == null) {
                return null;
            }
            YearMonth month = Months.parse(text);
            if (month == null) {
                row.problem(PERIOD, "月份格式 yyyy-MM / not a month: write it as yyyy-MM, e.g. 2024-05");
            } else if (month.isAfter(thisMonth)) {
                row.problem(PERIOD, "月份晚于本月 / " + month + " is after this month: arrears are of past months");
                return null;
            }
            return month;
        }
    }

    /**
     * Yuan with at most two decimals: a third would be a fraction of a fen, refused rather than rounded.
     * Scaled to two, so amounts compare with the database's. The amount owed must be more than zero, a
     * late fee may be zero.
     */
    private static @Nullable BigDecimal amount(RowReader row, Column column, boolean owed) {
        BigDecimal amount = row.decimal(column, owed);
        if (amount == null) {
            return null;
        }
        String reason = null;
        if (owed && amount.signum() <= 0) {
            reason = "须大于零 / must be more than zero";
        } else if (amount.signum() < 0) {
            reason = "不能为负 / cannot be negative";
        } else if (amount.scale() > 2) {
            reason = "最多两位小数 / at most two decimals (yuan and fen)";
        } else if (amount.compareTo(MAX_AMOUNT) > 0) {
            reason = "金额过大 / at most " + MAX_AMOUNT.toPlainString();
        }
        if (reason != null) {
            row.problem(column, reason);
            return null;
        }
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    private static String unitCode(String buildingCode, String unitNumber) {
        return buildingCode + '\u0000' + unitNumber;
    }

    /** Money on the wire: a decimal string with its two places. */
    static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    /**
     * Writes a project's balances (optionally one unit's, fee item's or month's) in the template's
     * columns, by building code, unit number, fee item and month, streamed from the database; call within
     * a transaction. The caller checks the project is in scope.
     */
    void export(OpeningBalanceService.Filter filter, SpreadsheetWriter writer) throws IOException {
        StringBuilder sql =
                new StringBuilder("select b.code, u.number, ob.fee_item, ob.period, ob.amount, ob.late_fee, ob.note"
                        + " from opening_balance ob join unit u on u.id = ob.unit_id"
                        + " join building b on b.id = u.building_id where ob.project_id = ?");
        List<Object> args = new ArrayList<>();
        args.add(filter.projectId());
        if (filter.unitId() != null) {
            sql.append(" and ob.unit_id = ?");
            args.add(filter.unitId());
        }
        if (filter.feeItem() != null) {
            sql.append(" and ob.fee_item = ?");
            args.add(filter.feeItem());
        }
        if (filter.period() != null) {
            sql.append(" and ob.period = ?");
            args.add(Date.valueOf(filter.period().atDay(1)));
        }
        sql.append(" order by b.code, u.number, ob.fee_item, ob.period");
        writer.header(COLUMNS);
        JdbcTemplate streaming = new JdbcTemplate(jdbc.getDataSource());
        streaming.setFetchSize(BATCH);
        streaming.query(
                sql.toString(),
                rs -> {
                    List<@Nullable Object> values = new ArrayList<>(COLUMNS.size());
                    values.add(rs.getString("code"));
                    values.add(rs.getString("number"));
                    values.add(rs.getString("fee_item"));
                    // as text: a date cell would read back as a day, and the month is what is meant
                    values.add(
                            YearMonth.from(rs.getDate("period").toLocalDate()).toString());
                    values.add(rs.getBigDecimal("amount"));
                    values.add(rs.getBigDecimal("late_fee"));
                    values.add(rs.getString("note"));
                    try {
                        writer.row(values);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                },
                args.toArray());
    }
}
