package com.propcloud.pms.asset.importing;

import com.propcloud.pms.common.problem.BusinessRuleViolation;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * What the import machinery needs to know about one kind of sheet (buildings+units, owners, parking,
 * equipment, opening balances): its layout (columns and a sample row for the template), and a run that
 * validates rows and, once a whole file is clean, writes them. The machinery owns files, formats,
 * headers, problems and the import's life cycle; a sheet owns its rows' meaning.
 */
public interface SheetDefinition {

    /**
     * A sheet's name (imports are recorded under it, e.g. {@code units}), its worksheet's title in
     * templates, exports and reports, its columns, and one example row for the template.
     */
    record Layout(String name, String title, List<Column> columns, List<Object> sample) {

        public Layout {
            columns = List.copyOf(columns);
            sample = List.copyOf(sample);
            if (sample.size() != columns.size()) {
                throw new IllegalArgumentException("A sample value per column: " + name);
            }
        }
    }

    Layout layout();

    default String name() {
        return layout().name();
    }

    default String title() {
        return layout().title();
    }

    default List<Column> columns() {
        return layout().columns();
    }

    default List<Object> sample() {
        return layout().sample();
    }

    /**
     * A fresh run of one import over its project, inside the transaction of a dry run or a commit; a
     * project that does not exist is {@link #projectNotFound()}.
     */
    SheetRun start(Context context);

    /**
     * Work outside the registry's transaction that a commit needs done first, such as people created or
     * matched in user-service; null for sheets that need none (most).
     */
    default @Nullable Preparation preparation() {
        return null;
    }

    /**
     * The tables a commit fills or changes in bulk: after a large one their planner statistics are
     * refreshed ({@link TableStatistics}), so what runs next is planned for the tables as they now are.
     */
    default List<String> tables() {
        return List.of();
    }

    /** The import a run belongs to. */
    record Context(UUID importId, UUID projectId) {}

    /**
     * A commit's first step, run before its transaction over a file the dry run found clean. It must be
     * idempotent and resumable: a crash or a retry runs it again from the start, and it skips what it
     * already did (keyed by the import's id). Rows it cannot prepare go to {@code problems}: the commit
     * then fails and writes nothing to the registry.
     */
    interface Preparation {

        void prepare(Context context, Rows rows, ProblemSink problems, Progress progress);

        /** The tables it fills; refreshed like {@link SheetDefinition#tables()} before the commit's transaction. */
        default List<String> tables() {
            return List.of();
        }
    }

    /** The file's data rows in order, each read once per call. */
    interface Rows {

        void forEach(Consumer<RowReader> action);
    }

    /** Where a long step reports how far it has come; also the run's heartbeat. */
    interface Progress {

        void rowsDone(int rows, @Nullable String note);
    }

    /**
     * Thrown by a preparation when a party it needs cannot be reached: the run stays open and is tried
     * again later (its note says why), nothing is failed.
     */
    final class RetryLater extends RuntimeException {

        public RetryLater(String reason, @Nullable Throwable cause) {
            super(reason, cause);
        }
    }

    /** What {@link #start} throws for a missing project: 422, as for an upload naming one out of reach. */
    static BusinessRuleViolation projectNotFound() {
        return new BusinessRuleViolation(
                ImportCodes.PROJECT_NOT_FOUND, HttpStatus.UNPROCESSABLE_CONTENT, "No such project");
    }

    /**
     * One pass over a file's rows, then (on commit, and only if the first pass found no problem) a
     * second pass that writes. Both passes see the rows in file order; a run keeps what it needs
     * between rows (keys seen, the project's current state) but never the rows themselves.
     */
    interface SheetRun {

        /** Checks one data row, reporting each problem through the reader. */
        void validate(RowReader row);

        /** Checks that need the whole file (e.g. against the database), then the counts. */
        Counts finishValidation(ProblemSink problems);

        /** Called once before the write pass. */
        default void beginWrite() {}

        /** Writes one row of a file whose validation found no problem. */
        void write(RowReader row);

        /** Flushes what is batched; called once after the write pass. */
        void finishWrite();
    }

    /** What a run found: data rows, and how many would be created, updated or left unchanged. */
    record Counts(int rows, int toCreate, int toUpdate, int unchanged) {}
}
