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
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The life of an import, whatever the sheet: upload (the file is stored and dry-run: every row
 * validated, every problem recorded, nothing written to the registry), status and problems, a report
 * of the file with an error column, and commit, which validates again against the registry as it is
 * then and writes everything in one transaction, or nothing.
 *
 * <p>Files are parsed as streams from a temporary copy on disk, so memory holds a row at a time (and
 * whatever keys the sheet keeps), never a workbook. Imports of another tenant are invisible (row-level
 * security); those of a project outside the caller's scope answer 404 like a missing id.
 */
@Service
public class ImportService {

    /** How many problems the answer to an upload carries; the rest are paged through. */
    static final int FIRST_PROBLEMS = 100;

    private static final String EMPTY_SHEET = "空表 / the sheet is empty: no data rows below the header";
    private static final String ERRORS_HEADER = "错误 Errors";

    private final ImportJobRepository jobs;
    private final ImportStore store;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ImportService(ImportJobRepository jobs, ImportStore store, PlatformTransactionManager transactions, Clock clock) {
        this.jobs = jobs;
        this.store = store;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** An import as the API shows it; {@code problems} holds the first few, on upload and commit only. */
    public record Summary(
            UUID id,
            UUID projectId,
            String sheet,
            String fileName,
            ImportFormat format,
            ImportStatus status,
            Counts counts,
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
     * Stores the file as a new import of the project and dry-runs it. The project must be in the
     * caller's scope (422 otherwise, like a missing one, as for a body naming a project).
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
        Path file = Files.createTempFile("pms-import-", ".upload");
        try {
            Files.copy(content, file, StandardCopyOption.REPLACE_EXISTING);
            ImportFormat format = formatOf(file, fileName, contentType);
            String name = fileName == null || fileName.isBlank() ? "upload" : fileName.strip();
            return transactions.execute(tx -> {
                ImportJob job = jobs.saveAndFlush(ImportJob.upload(
                        TenantContext.require(), projectId, sheet.name(), name, format, scope.subject(), now()));
                try {
                    store.saveFile(job.id(), file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                SheetDefinition.SheetRun run = sheet.start(projectId);
                Validation validation = validate(sheet, run, job, file);
                job.validated(validation.counts(), validation.problems().count());
                return summary(jobs.save(job), validation.problems().first());
            });
        } finally {
            Files.deleteIfExists(file);
        }
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
     * Writes a validated import, in one transaction: validated again first, since the registry may
     * have changed since the dry run. If a row no longer fits, nothing is written, the import is FAILED
     * with its problems recorded, and the answer is 409 {@code import.failed}. A committed, failed or
     * invalid import cannot be committed (409 {@code import.not-committable}).
     */
    public Summary commit(SheetDefinition sheet, UUID id, DataScope scope) throws IOException {
        Path file = Files.createTempFile("pms-import-", ".commit");
        try {
            Summary summary = transactions.execute(tx -> {
                ImportJob job = jobs.findForCommit(id)
                        .filter(j -> inReach(j, sheet, scope))
                        .orElseThrow(() -> new NotFoundException("Import", id));
                if (!job.committable()) {
                    throw new BusinessRuleViolation(
                            ImportCodes.NOT_COMMITTABLE,
                            "This import is " + job.status() + "; only a VALIDATED import can be committed");
                }
                store.copyFile(job.id(), file);
                store.deleteProblems(job.id());
                SheetDefinition.SheetRun run = sheet.start(job.projectId());
                Validation validation = validate(sheet, run, job, file);
                if (validation.problems().count() > 0) {
                    job.failed(validation.counts(), validation.problems().count(), now());
                    return summary(jobs.save(job), validation.problems().first());
                }
                write(sheet, run, job, file);
                job.committed(validation.counts(), now());
                return summary(jobs.save(job), List.of());
            });
            if (summary.status() == ImportStatus.FAILED) {
                throw new BusinessRuleViolation(
                        ImportCodes.FAILED,
                        "The registry changed since the dry run: "
                                + summary.counts().errors()
                                + " problems, nothing was written; see the import's problems");
            }
            return summary;
        } finally {
            Files.deleteIfExists(file);
        }
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

    /** The first pass: header, rows, then the sheet's whole-file checks. */
    private Validation validate(SheetDefinition sheet, SheetDefinition.SheetRun run, ImportJob job, Path file) {
        ImportStore.Recorder problems = store.new Recorder(job.id(), sheet.title(), FIRST_PROBLEMS);
        SheetDefinition.Counts counts = new SheetDefinition.Counts(0, 0, 0, 0);
        try (TableReader reader = TableReader.open(file, job.format(), sheet.title())) {
            problems.sheet(reader.sheet());
            SourceRow header = reader.next();
            while (header != null && header.blank()) {
                header = reader.next();
            }
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
    private void write(SheetDefinition sheet, SheetDefinition.SheetRun run, ImportJob job, Path file) {
        ProblemSink none = (row, column, reason) -> {
            throw new IllegalStateException("Row " + row + " failed after its validation passed: " + reason);
        };
        run.beginWrite();
        try (TableReader reader = TableReader.open(file, job.format(), sheet.title())) {
            SourceRow header = reader.next();
            while (header != null && header.blank()) {
                header = reader.next();
            }
            for (SourceRow row = reader.next(); row != null; row = reader.next()) {
                if (!row.blank()) {
                    run.write(new RowReader(row, sheet.columns(), none));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        run.finishWrite();
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

    private static Summary summary(ImportJob job, @Nullable List<ImportProblem> problems) {
        SheetDefinition.Counts c = job.counts();
        return new Summary(
                job.id(),
                job.projectId(),
                job.sheet(),
                job.fileName(),
                job.format(),
                job.status(),
                new Counts(c.rows(), c.toCreate(), c.toUpdate(), c.unchanged(), job.errorCount()),
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

    private record Validation(SheetDefinition.Counts counts, ImportStore.Recorder problems) {}

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
