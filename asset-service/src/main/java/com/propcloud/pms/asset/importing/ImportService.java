package com.propcloud.pms.asset.importing;

import com.propcloud.pms.common.problem.BusinessRuleViolation;
import com.propcloud.pms.common.problem.NotFoundException;
import com.propcloud.pms.common.security.DataScope;
import com.propcloud.pms.common.tenant.TenantContext;
import com.propcloud.pms.common.web.PageResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The life of an import, whatever the sheet: upload (the file is stored and dry-run: every row
 * validated, every problem recorded, nothing written to the registry), status, progress and problems,
 * a report of the file with an error column, and commit, which validates again against the registry as
 * it is then and writes everything in one transaction, or nothing.
 *
 * <p>Dry runs and commits run in the background ({@link ImportWorker}); a request waits for its run up
 * to {@code asset.import.answer-within} and otherwise answers with the import still VALIDATING or COMMITTING and
 * its progress, to be followed with {@code GET …/imports/{id}}. Files are parsed as streams from a
 * temporary copy on disk, so memory holds a row at a time (and whatever keys the sheet keeps), never a
 * workbook. Imports of another tenant are invisible (row-level security); those of a project outside
 * the caller's scope answer 404 like a missing id.
 */
@Service
public class ImportService {

    private static final Logger log = LoggerFactory.getLogger(ImportService.class);

    /** How many problems the answer to an upload or commit carries; the rest are paged through. */
    static final int FIRST_PROBLEMS = 100;

    private static final String ERRORS_HEADER = "错误 Errors";

    private final ImportJobRepository jobs;
    private final ImportStore store;
    private final ImportRuns runs;
    private final ImportWorker worker;
    private final ImportProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ImportService(
            ImportJobRepository jobs,
            ImportStore store,
            ImportRuns runs,
            ImportWorker worker,
            ImportProperties properties,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.jobs = jobs;
        this.store = store;
        this.runs = runs;
        this.worker = worker;
        this.properties = properties;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * An import as the API shows it; {@code progress} while it runs, {@code problems} the first few,
     * in the answers to upload and commit only.
     */
    public record Summary(
            UUID id,
            UUID projectId,
            String sheet,
            String fileName,
            ImportFormat format,
            ImportStatus status,
            Counts counts,
            @Nullable ImportProgress progress,
            Instant createdAt,
            @Nullable Instant finishedAt,
            @Nullable List<ImportProblem> problems) {}

    /** Data rows, what committing does with them, and the number of problems found. */
    public record Counts(int rows, int toCreate, int toUpdate, int unchanged, int errors) {}

    /** The template: the header row and one sample row. */
    public void template(SheetDefinition sheet, OutputStream out) throws IOException {
        try (SpreadsheetWriter writer = new SpreadsheetWriter(out, sheet.title())) {
            writer.header(sheet.columns());
            writer.row(sheet.sample());
        }
    }

    /**
     * Stores the file as a new import of the project and starts its dry run. The project must be in
     * the caller's scope (422 otherwise, like a missing one, as for a body naming a project).
     */
    public Summary upload(
            SheetDefinition sheet,
            UUID projectId,
            @Nullable String fileName,
            @Nullable String contentType,
            InputStream content,
            DataScope scope)
            throws IOException {
        if (!scope.coversProject(projectId)) {
            throw projectNotFound();
        }
        UUID tenantId = TenantContext.require();
        Path file = Files.createTempFile("pms-import-", ".upload");
        UUID id;
        try {
            Files.copy(content, file, StandardCopyOption.REPLACE_EXISTING);
            ImportFormat format = formatOf(file, fileName, contentType);
            String name = fileName == null || fileName.isBlank() ? "upload" : fileName.strip();
            id = transactions.execute(tx -> {
                ImportJob job = jobs.saveAndFlush(
                        ImportJob.upload(tenantId, projectId, sheet.name(), name, format, scope.subject(), now()));
                try {
                    store.saveFile(job.id(), file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                runs.begin(job.id(), tenantId, ImportProgress.Phase.VALIDATING, null);
                return job.id();
            });
        } finally {
            Files.deleteIfExists(file);
        }
        return awaitRun(sheet, id, worker.submit(id, tenantId));
    }

    public Summary get(SheetDefinition sheet, UUID id, DataScope scope) {
        return transactions.execute(tx -> summary(find(sheet, id, scope), null));
    }

    public PageResponse<ImportProblem> problems(SheetDefinition sheet, UUID id, Pageable page, DataScope scope) {
        return transactions.execute(tx -> {
            ImportJob job = find(sheet, id, scope);
            List<ImportProblem> content = store.problems(job.id(), page.getOffset(), page.getPageSize());
            return PageResponse.of(new PageImpl<>(content, page, store.countProblems(job.id())), problem -> problem);
        });
    }

    /**
     * Starts writing a validated import: validated again first, since the registry may have changed
     * since the dry run; then written in one transaction. If a row no longer fits, nothing is written,
     * the import is FAILED with its problems recorded, and the answer is 409 {@code import.failed}. Only
     * a VALIDATED import can be committed (409 {@code import.not-committable}); a commit still running
     * when the wait ends answers with the import COMMITTING.
     */
    public Summary commit(SheetDefinition sheet, UUID id, DataScope scope) {
        UUID tenantId = TenantContext.require();
        transactions.executeWithoutResult(tx -> {
            ImportJob job = jobs.findForCommit(id)
                    .filter(j -> inReach(j, sheet, scope))
                    .orElseThrow(() -> new NotFoundException("Import", id));
            if (!job.committable()) {
                throw new BusinessRuleViolation(
                        ImportCodes.NOT_COMMITTABLE,
                        "This import is " + job.status() + "; only a VALIDATED import can be committed");
            }
            job.startCommit();
            jobs.save(job);
            ImportProgress.Phase first =
                    sheet.preparation() == null ? ImportProgress.Phase.COMMITTING : ImportProgress.Phase.PREPARING;
            runs.begin(id, tenantId, first, job.counts().rows());
        });
        Summary summary = awaitRun(sheet, id, worker.submit(id, tenantId));
        if (summary.status() == ImportStatus.FAILED) {
            throw new BusinessRuleViolation(
                    ImportCodes.FAILED,
                    "The rows no longer fit the registry as it is now: "
                            + summary.counts().errors()
                            + " problems, nothing was written; see the import's problems");
        }
        return summary;
    }

    /** The uploaded file's rows as a workbook with an added error column, each row's problems in it. */
    public void report(SheetDefinition sheet, UUID id, DataScope scope, OutputStream out) throws IOException {
        Path file = Files.createTempFile("pms-import-", ".report");
        try {
            ImportJob job = transactions.execute(tx -> {
                ImportJob found = find(sheet, id, scope);
                store.copyFile(found.id(), file);
                return found;
            });
            transactions.execute(tx -> {
                try (Stream<ImportProblem> problems = store.problemsByRow(job.id());
                        SpreadsheetWriter writer = new SpreadsheetWriter(out, sheet.title())) {
                    writeReport(sheet, job, file, problems.iterator(), writer);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return null;
            });
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The import once its run ends or the wait does, whichever comes first. */
    private Summary awaitRun(SheetDefinition sheet, UUID id, CompletableFuture<Void> run) {
        try {
            run.get(properties.answerWithin().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException stillRunning) {
            log.debug("Import {} still running after {}", id, properties.answerWithin());
        } catch (ExecutionException e) {
            log.warn("Import {} run failed; a later sweep retries it", id, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return transactions.execute(tx -> {
            ImportJob job = jobs.findById(id).orElseThrow(() -> new NotFoundException("Import", id));
            return summary(job, job.status().running() ? List.of() : store.problems(id, 0, FIRST_PROBLEMS));
        });
    }

    private void writeReport(
            SheetDefinition sheet, ImportJob job, Path file, Iterator<ImportProblem> problems, SpreadsheetWriter writer)
            throws IOException {
        int columns = sheet.columns().size();
        PeekingProblems pending = new PeekingProblems(problems);
        // problems of the file as a whole (header, emptiness) head the error column
        List<ImportProblem> fileWide = pending.upTo(1);
        writer.header(sheet.columns(), fileWide.isEmpty() ? ERRORS_HEADER : ERRORS_HEADER + ": " + joined(fileWide));
        if (!fileWide.isEmpty() && job.counts().rows() == 0) {
            return;
        }
        try (TableReader reader = TableReader.open(file, job.format(), sheet.title())) {
            reader.next(); // the header
            for (SourceRow row = reader.next(); row != null; row = reader.next()) {
                if (row.blank()) {
                    continue;
                }
                List<@Nullable Object> values = new ArrayList<>(columns + 1);
                for (int c = 0; c < columns; c++) {
                    values.add(row.cell(c).text());
                }
                values.add(joined(pending.upTo(row.number())));
                writer.row(values);
            }
        } catch (IOException e) {
            // an unreadable file's report is its header and the reason
        }
    }

    private static String joined(List<ImportProblem> problems) {
        return problems.stream()
                .map(p -> p.column() == null ? p.reason() : p.column() + ": " + p.reason())
                .collect(Collectors.joining("; "));
    }

    /**
     * By content first (a workbook is a zip), then by name or type for CSV; the old binary .xls and
     * anything else is refused with 415.
     */
    private static ImportFormat formatOf(Path file, @Nullable String fileName, @Nullable String contentType)
            throws IOException {
        byte[] head = new byte[8];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        }
        if (read >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return ImportFormat.XLSX;
        }
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        boolean ole2 = read == 8 && (head[0] & 0xff) == 0xD0 && (head[1] & 0xff) == 0xCF;
        if (!ole2 && (name.endsWith(".csv") || type.startsWith("text/csv"))) {
            return ImportFormat.CSV;
        }
        throw new BusinessRuleViolation(
                ImportCodes.UNSUPPORTED_FORMAT,
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "Upload an .xlsx workbook or a .csv file (UTF-8 or GBK); save an .xls as .xlsx first");
    }

    private ImportJob find(SheetDefinition sheet, UUID id, DataScope scope) {
        return jobs.findById(id)
                .filter(job -> inReach(job, sheet, scope))
                .orElseThrow(() -> new NotFoundException("Import", id));
    }

    private static boolean inReach(ImportJob job, SheetDefinition sheet, DataScope scope) {
        return job.sheet().equals(sheet.name()) && scope.coversProject(job.projectId());
    }

    private Summary summary(ImportJob job, @Nullable List<ImportProblem> problems) {
        SheetDefinition.Counts c = job.counts();
        ImportProgress progress = job.status().running() ? runs.find(job.id()).orElse(null) : null;
        return new Summary(
                job.id(),
                job.projectId(),
                job.sheet(),
                job.fileName(),
                job.format(),
                job.status(),
                new Counts(c.rows(), c.toCreate(), c.toUpdate(), c.unchanged(), job.errorCount()),
                progress,
                job.createdAt(),
                job.finishedAt(),
                problems);
    }

    static BusinessRuleViolation projectNotFound() {
        return new BusinessRuleViolation(
                ImportCodes.PROJECT_NOT_FOUND, HttpStatus.UNPROCESSABLE_CONTENT, "No such project");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** Problems in row order, taken row by row alongside the file. */
    private static final class PeekingProblems {

        private final Iterator<ImportProblem> problems;
        private @Nullable ImportProblem next;

        PeekingProblems(Iterator<ImportProblem> problems) {
            this.problems = problems;
            this.next = problems.hasNext() ? problems.next() : null;
        }

        /** The problems of every row up to this one (earlier rows' would be of rows the file skips). */
        List<ImportProblem> upTo(int row) {
            List<ImportProblem> taken = new ArrayList<>();
            while (next != null && next.row() <= row) {
                taken.add(next);
                next = problems.hasNext() ? problems.next() : null;
            }
            return taken;
        }
    }
}
