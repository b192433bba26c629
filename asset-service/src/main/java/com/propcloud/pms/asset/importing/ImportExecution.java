package com.propcloud.pms.asset.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Does an import's work, in the background, with its tenant set: the dry run of an upload, or a commit
 * (the sheet's preparation if it has one, then one transaction that checks every row again and writes
 * them all, or nothing). Each ends by recording the outcome and ending the run in one transaction,
 * under the import's row lock, so a run that starts twice (taken over from an instance thought dead)
 * does its work once: the second finds the status moved on and stops.
 */
@Component
class ImportExecution {

    private static final Logger log = LoggerFactory.getLogger(ImportExecution.class);
    static final String EMPTY_SHEET = "空表 / the sheet is empty: no data rows below the header";

    private final ImportJobRepository jobs;
    private final ImportStore store;
    private final ImportRuns runs;
    private final Map<String, SheetDefinition> sheets;
    private final TransactionTemplate transactions;
    private final TableStatistics statistics;
    private final Clock clock;

    ImportExecution(
            ImportJobRepository jobs,
            ImportStore store,
            ImportRuns runs,
            List<SheetDefinition> sheets,
            PlatformTransactionManager transactions,
            TableStatistics statistics,
            Clock clock) {
        this.jobs = jobs;
        this.store = store;
        this.runs = runs;
        this.sheets = sheets.stream().collect(Collectors.toUnmodifiableMap(SheetDefinition::name, Function.identity()));
        this.transactions = new TransactionTemplate(transactions);
        this.statistics = statistics;
        this.clock = clock;
    }

    /** Runs whatever the import's status asks for; nothing if it has moved on. */
    void run(UUID importId) throws IOException {
        ImportJob job = transactions.execute(tx -> jobs.findById(importId).orElse(null));
        if (job == null || !job.status().running()) {
            transactions.executeWithoutResult(tx -> runs.end(importId));
            return;
        }
        SheetDefinition sheet = sheets.get(job.sheet());
        if (sheet == null) {
            throw new IllegalStateException("No sheet " + job.sheet() + " for import " + importId);
        }
        Path file = Files.createTempFile("pms-import-", ".run");
        try {
            transactions.executeWithoutResult(tx -> store.copyFile(importId, file));
            if (job.status() == ImportStatus.VALIDATING) {
                dryRun(sheet, importId, file);
            } else {
                commit(sheet, importId, file);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * Ends a run that kept dying: a dry run leaves the import INVALID, a commit FAILED, each with a
     * problem saying so; nothing is written to the registry.
     */
    void abandon(UUID importId, int attempts) {
        String reason = "导入处理失败 / the import could not be processed after " + attempts
                + " attempts; upload the file again or contact support";
        transactions.executeWithoutResult(tx -> {
            ImportJob job = jobs.findForCommit(importId).orElse(null);
            if (job != null && job.status().running()) {
                store.deleteProblems(importId);
                ImportStore.Recorder problems = store.new Recorder(importId, job.sheet(), 0);
                problems.add(1, null, reason);
                problems.flush();
                if (job.status() == ImportStatus.VALIDATING) {
                    job.abandonValidation(1, now());
                } else {
                    job.failed(job.counts(), 1, now());
                }
                jobs.save(job);
            }
            runs.end(importId);
        });
        log.warn("Gave up import {} after {} attempts", importId, attempts);
    }

    private void dryRun(SheetDefinition sheet, UUID importId, Path file) {
        transactions.executeWithoutResult(tx -> {
            ImportJob job = jobs.findForCommit(importId).orElseThrow();
            if (job.status() != ImportStatus.VALIDATING) {
                return; // another run finished it
            }
            store.deleteProblems(importId);
            SheetDefinition.SheetRun run = sheet.start(new SheetDefinition.Context(importId, job.projectId()));
            Ticker ticker = new Ticker(importId, ImportProgress.Phase.VALIDATING, null);
            Validation validation = validate(sheet, run, job, file, ticker);
            job.validated(validation.counts(), validation.problems().count());
            jobs.save(job);
            runs.end(importId);
        });
    }

    private void commit(SheetDefinition sheet, UUID importId, Path file) {
        ImportJob found = transactions.execute(tx -> jobs.findById(importId).orElseThrow());
        var context = new SheetDefinition.Context(importId, found.projectId());
        SheetDefinition.Preparation preparation = sheet.preparation();
        if (preparation != null && !prepare(sheet, preparation, context, found, file)) {
            return;
        }
        SheetDefinition.Counts written = transactions.execute(tx -> {
            ImportJob job = jobs.findForCommit(importId).orElseThrow();
            if (job.status() != ImportStatus.COMMITTING) {
                return null;
            }
            store.deleteProblems(importId);
            SheetDefinition.SheetRun run = sheet.start(context);
            Ticker checking = new Ticker(importId, ImportProgress.Phase.COMMITTING, "checking again");
            Validation validation = validate(sheet, run, job, file, checking);
            if (validation.problems().count() > 0) {
                job.failed(validation.counts(), validation.problems().count(), now());
            } else {
                write(sheet, run, job, file, new Ticker(importId, ImportProgress.Phase.COMMITTING, "writing"));
                job.committed(validation.counts(), now());
            }
            jobs.save(job);
            runs.end(importId);
            return job.status() == ImportStatus.COMMITTED ? validation.counts() : null;
        });
        if (written != null) {
            statistics.refreshAfter((long) written.toCreate() + written.toUpdate(), sheet.tables());
        }
    }

    /** The preparation; false when it refused rows (the import is then FAILED with their problems). */
    private boolean prepare(
            SheetDefinition sheet,
            SheetDefinition.Preparation preparation,
            SheetDefinition.Context context,
            ImportJob job,
            Path file) {
        UUID importId = job.id();
        // kept apart until the end: problems recorded now would be deleted by the commit's own pass
        List<Refusal> refused = new ArrayList<>();
        ProblemSink problems = (row, column, reason) -> refused.add(new Refusal(row, column, reason));
        Ticker ticker = new Ticker(importId, ImportProgress.Phase.PREPARING, null);
        preparation.prepare(context, action -> eachRow(sheet, job, file, action), problems, ticker::rowsDone);
        if (refused.isEmpty()) {
            // the commit's transaction reads what the preparation wrote: plan it for the tables as they are
            statistics.refreshAfter(job.counts().rows(), preparation.tables());
            runs.progress(importId, ImportProgress.Phase.COMMITTING, 0, null);
            return true;
        }
        transactions.executeWithoutResult(tx -> {
            ImportJob locked = jobs.findForCommit(importId).orElseThrow();
            if (locked.status() != ImportStatus.COMMITTING) {
                return;
            }
            store.deleteProblems(importId);
            ImportStore.Recorder recorder = store.new Recorder(importId, sheet.title(), 0);
            refused.forEach(r -> recorder.add(r.row(), r.column(), r.reason()));
            recorder.flush();
            locked.failed(locked.counts(), recorder.count(), now());
            jobs.save(locked);
            runs.end(importId);
        });
        return false;
    }

    /** The first pass: header, rows, then the sheet's whole-file checks. */
    private Validation validate(
            SheetDefinition sheet, SheetDefinition.SheetRun run, ImportJob job, Path file, Ticker ticker) {
        ImportStore.Recorder problems = store.new Recorder(job.id(), sheet.title(), ImportService.FIRST_PROBLEMS);
        SheetDefinition.Counts counts = new SheetDefinition.Counts(0, 0, 0, 0);
        try (TableReader reader = TableReader.open(file, job.format(), sheet.title())) {
            problems.sheet(reader.sheet());
            SourceRow header = firstNonBlank(reader);
            if (header == null) {
                problems.add(1, null, EMPTY_SHEET);
            } else if (!headerMatches(header, sheet.columns())) {
                // one problem, not one per row: with the wrong template every row would be wrong
                problems.add(
                        header.number(),
                        null,
                        "表头与模板不符 / the header row does not match the template; expected: "
                                + sheet.columns().stream().map(Column::header).toList());
            } else {
                int rows = 0;
                for (SourceRow row = reader.next(); row != null; row = reader.next()) {
                    if (!row.blank()) {
                        rows++;
                        run.validate(new RowReader(row, sheet.columns(), problems));
                        ticker.rowsDone(rows, null);
                    }
                }
                if (rows == 0) {
                    problems.add(header.number(), null, EMPTY_SHEET);
                } else {
                    counts = run.finishValidation(problems);
                }
            }
        } catch (IOException e) {
            problems.add(1, null, "文件无法读取 / the file cannot be read as " + job.format() + " (" + e.getMessage() + ")");
        }
        problems.flush();
        return new Validation(counts, problems);
    }

    /** The second pass, over a file the first found clean. */
    private void write(SheetDefinition sheet, SheetDefinition.SheetRun run, ImportJob job, Path file, Ticker ticker) {
        run.beginWrite();
        int[] rows = {0};
        eachRow(sheet, job, file, row -> {
            run.write(row);
            ticker.rowsDone(++rows[0], null);
        });
        run.finishWrite();
    }

    /** Every data row of a file its dry run found clean; a problem now would be a sheet's bug. */
    private static void eachRow(SheetDefinition sheet, ImportJob job, Path file, Consumer<RowReader> action) {
        ProblemSink none = (row, column, reason) -> {
            throw new IllegalStateException("Row " + row + " failed after its validation passed: " + reason);
        };
        try (TableReader reader = TableReader.open(file, job.format(), sheet.title())) {
            firstNonBlank(reader);
            for (SourceRow row = reader.next(); row != null; row = reader.next()) {
                if (!row.blank()) {
                    action.accept(new RowReader(row, sheet.columns(), none));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static @Nullable SourceRow firstNonBlank(TableReader reader) throws IOException {
        SourceRow header = reader.next();
        while (header != null && header.blank()) {
            header = reader.next();
        }
        return header;
    }

    private static boolean headerMatches(SourceRow header, List<Column> columns) {
        for (int c = 0; c < columns.size(); c++) {
            String text = header.cell(c).text();
            if (text == null || !columns.get(c).matches(text)) {
                return false;
            }
        }
        return true;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private record Validation(SheetDefinition.Counts counts, ImportStore.Recorder problems) {}

    private record Refusal(int row, @Nullable Column column, String reason) {}

    /**
     * Reports progress at most once a second (and on a phase's first row), so a 50,000-row file costs
     * a few dozen small updates, and the heartbeat keeps the run from being taken for dead.
     */
    private final class Ticker {

        private static final long EVERY_MILLIS = 1_000;

        private final UUID importId;
        private final ImportProgress.Phase phase;
        private final @Nullable String defaultNote;
        private long last;

        Ticker(UUID importId, ImportProgress.Phase phase, @Nullable String defaultNote) {
            this.importId = importId;
            this.phase = phase;
            this.defaultNote = defaultNote;
        }

        void rowsDone(int rows, @Nullable String note) {
            long now = clock.millis();
            if (rows <= 1 || now - last >= EVERY_MILLIS || note != null) {
                last = now;
                runs.progress(importId, phase, rows, note != null ? note : defaultNote);
            }
        }
    }
}
