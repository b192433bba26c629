package com.propcloud.pms.asset.occupancy;

import com.propcloud.pms.asset.importing.ProblemSink;
import com.propcloud.pms.asset.importing.SheetDefinition;
import com.propcloud.pms.common.tenant.TenantContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The owners import's first commit step: every row's person created or matched by phone in
 * user-service, a batch of distinct phones at a time, and recorded here per row ({@code import_person})
 * together with the person's projection, in one transaction per batch. Rows already recorded are
 * skipped, so a crash or a retry picks up where it stopped, and user-service matches by phone anyway,
 * so a batch asked twice creates nobody twice. Entries user-service refuses become the rows' problems
 * (the commit then fails and links nobody); an unreachable user-service makes the run wait and retry.
 */
@Component
class OwnerPreparation implements SheetDefinition.Preparation {

    private static final RetryTemplate CONCURRENT_INSERTS = new RetryTemplate(RetryPolicy.builder()
            .includes(DuplicateKeyException.class)
            .maxRetries(3)
            .delay(Duration.ofMillis(20))
            .jitter(Duration.ofMillis(20))
            .build());

    private final PeopleRegistry registry;
    private final JdbcTemplate jdbc;
    private final PersonProjection projection;
    private final TransactionTemplate transactions;
    private final Clock clock;

    OwnerPreparation(
            PeopleRegistry registry,
            JdbcTemplate jdbc,
            PersonProjection projection,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.registry = registry;
        this.jdbc = jdbc;
        this.projection = projection;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Override
    public List<String> tables() {
        return List.of("person", "import_person");
    }

    /** Row number to person id, for the rows prepared so far. */
    Map<Integer, UUID> prepared(UUID importId) {
        Map<Integer, UUID> rows = new HashMap<>();
        jdbc.query(
                "select row_number, person_id from import_person where import_id = ?",
                rs -> {
                    rows.put(rs.getInt("row_number"), rs.getObject("person_id", UUID.class));
                },
                importId);
        return rows;
    }

    @Override
    public void prepare(
            SheetDefinition.Context context,
            SheetDefinition.Rows rows,
            ProblemSink problems,
            SheetDefinition.Progress progress) {
        UUID tenant = TenantContext.require();
        Map<Integer, UUID> done = transactions.execute(tx -> prepared(context.importId()));
        Map<String, OwnerSheet.UnitRef> units = transactions.execute(tx -> OwnerSheet.units(jdbc, context.projectId()));
        Batch batch = new Batch(tenant, context.importId(), problems);
        int[] seen = {0};
        rows.forEach(row -> {
            seen[0]++;
            if (batch.refused || done.containsKey(row.number())) {
                return;
            }
            OwnerSheet.Parsed parsed = OwnerSheet.parse(row);
            if (parsed == null) {
                throw new IllegalStateException("Row " + row.number() + " no longer parses");
            }
            batch.add(row.number(), parsed, units.get(parsed.unitKey()));
            if (batch.full()) {
                batch.send();
                progress.rowsDone(seen[0], null);
            }
        });
        batch.send();
        progress.rowsDone(seen[0], null);
    }

    /** The rows waiting to be sent, grouped by phone: one entry per person, however many rows. */
    private final class Batch {

        private final UUID tenant;
        private final UUID importId;
        private final ProblemSink problems;
        private final Map<String, List<Integer>> rowsByPhone = new LinkedHashMap<>();
        private final List<PeopleRegistry.Candidate> candidates = new ArrayList<>();
        private final Map<String, OwnerSheet.Parsed> byRef = new HashMap<>();
        boolean refused;

        Batch(UUID tenant, UUID importId, ProblemSink problems) {
            this.tenant = tenant;
            this.importId = importId;
            this.problems = problems;
        }

        void add(int row, OwnerSheet.Parsed parsed, OwnerSheet.UnitRef unit) {
            List<Integer> rows = rowsByPhone.computeIfAbsent(parsed.phone(), phone -> new ArrayList<>(1));
            if (rows.isEmpty()) {
                String ref = Integer.toString(row);
                candidates.add(new PeopleRegistry.Candidate(
                        ref,
                        parsed.name(),
                        parsed.phone(),
                        parsed.idNumber(),
                        OwnerSheet.category(parsed.role(), unit.type())));
                byRef.put(ref, parsed);
            }
            rows.add(row);
        }

        boolean full() {
            return candidates.size() >= PeopleRegistry.MAX_BATCH;
        }

        void send() {
            if (candidates.isEmpty() || refused) {
                return;
            }
            List<PeopleRegistry.Registered> registered;
            try {
                registered = registry.register(tenant, importId, List.copyOf(candidates));
            } catch (PeopleRegistry.Refused refusal) {
                refused = true;
                for (PeopleRegistry.Problem problem : refusal.problems()) {
                    OwnerSheet.Parsed parsed = byRef.get(problem.ref());
                    List<Integer> rows = parsed == null ? List.of() : rowsByPhone.get(parsed.phone());
                    for (int row : rows) {
                        problems.add(
                                row,
                                column(problem.field()),
                                "用户中心拒绝 / the owner register refused it: " + problem.reason());
                    }
                }
                return;
            } catch (PeopleRegistry.Unavailable unavailable) {
                throw new SheetDefinition.RetryLater(
                        "用户中心暂不可用，稍后自动重试 / the owner register cannot be reached; retrying shortly", unavailable);
            }
            record(registered);
            rowsByPhone.clear();
            candidates.clear();
            byRef.clear();
        }

        /** The batch's people in the projection and each row's person, in one transaction. */
        private void record(List<PeopleRegistry.Registered> registered) {
            List<Object[]> links = new ArrayList<>();
            for (PeopleRegistry.Registered person : registered) {
                OwnerSheet.Parsed parsed = byRef.get(person.ref());
                if (parsed == null) {
                    throw new IllegalStateException("user-service answered an unknown ref " + person.ref());
                }
                for (int row : rowsByPhone.get(parsed.phone())) {
                    links.add(new Object[] {tenant, importId, row, person.personId()});
                }
            }
            // the people's own events may be recording the same people right now (a batch's people are
            // announced as soon as user-service commits them): two inserts of one new person collide on the
            // projection's second unique index, which the upsert cannot take as its arbiter; the loser
            // simply runs again and updates the row the other one wrote
            CONCURRENT_INSERTS.invoke(() -> transactions.executeWithoutResult(tx -> {
                projection.recordAll(
                        tenant,
                        registered.stream()
                                .map(PeopleRegistry.Registered::snapshot)
                                .toList(),
                        Timestamp.from(clock.instant()));
                jdbc.batchUpdate(
                        "insert into import_person (tenant_id, import_id, row_number, person_id)"
                                + " values (?, ?, ?, ?) on conflict do nothing",
                        links);
            }));
        }

        private static com.propcloud.pms.asset.importing.Column column(String field) {
            return switch (field) {
                case "phone" -> OwnerSheet.PHONE;
                case "idNumber" -> OwnerSheet.ID_NUMBER;
                case "displayName" -> OwnerSheet.NAME;
                default -> OwnerSheet.ROLE;
            };
        }
    }
}
