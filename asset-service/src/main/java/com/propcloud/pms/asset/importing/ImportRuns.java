package com.propcloud.pms.asset.importing;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code import_run} rows of imports at work: begun with the import's status, ended in the
 * transaction that records its outcome, and in between touched by progress in transactions of their
 * own, so a reader sees it while the run's transaction is still open and a run that stops touching
 * it is known to have died.
 */
@Component
class ImportRuns {

    /** A run found silent for too long, now claimed by this instance. */
    record Claimed(UUID importId, UUID tenantId, int attempts) {}

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    ImportRuns(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** In the caller's transaction, with the import's new status. */
    void begin(UUID importId, UUID tenantId, ImportProgress.Phase phase, @Nullable Integer rowsTotal) {
        jdbc.update("""
                insert into import_run (import_id, tenant_id, phase, rows_total, heartbeat_at)
                values (?, ?, ?, ?, ?)
                on conflict (import_id) do update set phase = excluded.phase, rows_done = 0,
                    rows_total = excluded.rows_total, note = null, attempts = 1,
                    heartbeat_at = excluded.heartbeat_at""", importId, tenantId, phase.name(), rowsTotal, now());
    }

    /** Progress and heartbeat, committed at once whatever transaction the caller is in. */
    void progress(UUID importId, ImportProgress.Phase phase, int rowsDone, @Nullable String note) {
        ownTransaction.executeWithoutResult(tx -> jdbc.update(
                "update import_run set phase = ?, rows_done = ?, note = ?, heartbeat_at = ? where import_id = ?",
                phase.name(),
                rowsDone,
                note,
                now(),
                importId));
    }

    /** Why the run waits, committed at once; progress stays as it was. */
    void note(UUID importId, String note) {
        ownTransaction.executeWithoutResult(tx -> jdbc.update(
                "update import_run set note = ?, heartbeat_at = ? where import_id = ?", note, now(), importId));
    }

    /** In the transaction that records the import's outcome. */
    void end(UUID importId) {
        jdbc.update("delete from import_run where import_id = ?", importId);
    }

    Optional<ImportProgress> find(UUID importId) {
        List<ImportProgress> found = jdbc.query(
                "select phase, rows_done, rows_total, note, heartbeat_at from import_run where import_id = ?",
                (rs, n) -> new ImportProgress(
                        ImportProgress.Phase.valueOf(rs.getString("phase")),
                        rs.getInt("rows_done"),
                        (Integer) rs.getObject("rows_total"),
                        rs.getString("note"),
                        rs.getTimestamp("heartbeat_at").toInstant()),
                importId);
        return found.stream().findFirst();
    }

    /**
     * Takes over one run silent for longer than {@code staleAfter}, counting the attempt; the update
     * is conditional, so of several instances sweeping at once one gets it.
     */
    Optional<Claimed> claimStale(Duration staleAfter) {
        List<Claimed> claimed = ownTransaction.execute(tx -> jdbc.query(
                """
                update import_run set heartbeat_at = ?, attempts = attempts + 1
                where import_id = (select import_id from import_run where heartbeat_at < ?
                                   order by heartbeat_at limit 1 for update skip locked)
                returning import_id, tenant_id, attempts""",
                (rs, n) -> new Claimed(
                        rs.getObject("import_id", UUID.class),
                        rs.getObject("tenant_id", UUID.class),
                        rs.getInt("attempts")),
                now(),
                Timestamp.from(clock.instant().minus(staleAfter))));
        return claimed == null ? Optional.empty() : claimed.stream().findFirst();
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
