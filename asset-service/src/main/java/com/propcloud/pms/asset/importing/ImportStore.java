package com.propcloud.pms.asset.importing;

import com.propcloud.pms.common.tenant.TenantContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * An import's file and problems, through JDBC in the caller's (tenant-scoped) transaction: the file
 * is streamed in and out as bytes, problems are written in batches, never one insert per problem.
 */
@Component
class ImportStore {

    private static final int BATCH = 500;

    private static final RowMapper<ImportProblem> PROBLEM = (rs, n) -> new ImportProblem(
            rs.getString("sheet"), rs.getInt("row_number"), rs.getString("column_name"), rs.getString("reason"));

    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;

    ImportStore(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.streaming = new JdbcTemplate(dataSource);
        // PostgreSQL streams a result (inside a transaction) only with a fetch size
        this.streaming.setFetchSize(500);
    }

    void saveFile(UUID importId, Path file) throws IOException {
        long size = Files.size(file);
        try (InputStream in = Files.newInputStream(file)) {
            jdbc.update("insert into import_file (import_id, tenant_id, content) values (?, ?, ?)", statement -> {
                statement.setObject(1, importId);
                statement.setObject(2, TenantContext.require());
                statement.setBinaryStream(3, in, size);
            });
        }
    }

    void copyFile(UUID importId, Path target) {
        jdbc.query(
                "select content from import_file where import_id = ?",
                rs -> {
                    try (InputStream in = rs.getBinaryStream(1)) {
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                },
                importId);
    }

    void deleteProblems(UUID importId) {
        jdbc.update("delete from import_problem where import_id = ?", importId);
    }

    List<ImportProblem> problems(UUID importId, long offset, int limit) {
        return jdbc.query(
                "select * from import_problem where import_id = ? order by seq offset ? limit ?",
                PROBLEM,
                importId,
                offset,
                limit);
    }

    long countProblems(UUID importId) {
        Long count =
                jdbc.queryForObject("select count(*) from import_problem where import_id = ?", Long.class, importId);
        return count == null ? 0 : count;
    }

    /** Every problem in row order, streamed; close the stream. */
    Stream<ImportProblem> problemsByRow(UUID importId) {
        return streaming.queryForStream(
                "select * from import_problem where import_id = ? order by row_number, seq", PROBLEM, importId);
    }

    /** Records problems in batches and keeps the first few for the answer to the upload. */
    final class Recorder implements ProblemSink {

        private final UUID importId;
        private String sheet;
        private final int keep;
        private final List<ImportProblem> first = new ArrayList<>();
        private final List<Object[]> batch = new ArrayList<>();
        private int count;

        Recorder(UUID importId, String sheet, int keep) {
            this.importId = importId;
            this.sheet = sheet;
            this.keep = keep;
        }

        /** The sheet as the file names it, once the file is open. */
        void sheet(String sheet) {
            this.sheet = sheet;
        }

        @Override
        public void add(int row, @Nullable Column column, String reason) {
            ImportProblem problem = new ImportProblem(sheet, row, column == null ? null : column.header(), reason);
            if (first.size() < keep) {
                first.add(problem);
            }
            batch.add(new Object[] {TenantContext.require(), importId, ++count, sheet, row, problem.column(), reason});
            if (batch.size() >= BATCH) {
                flush();
            }
        }

        void flush() {
            if (!batch.isEmpty()) {
                jdbc.batchUpdate(
                        "insert into import_problem (tenant_id, import_id, seq, sheet, row_number, column_name, reason)"
                                + " values (?, ?, ?, ?, ?, ?, ?)",
                        batch);
                batch.clear();
            }
        }

        int count() {
            return count;
        }

        List<ImportProblem> first() {
            return first;
        }
    }
}
