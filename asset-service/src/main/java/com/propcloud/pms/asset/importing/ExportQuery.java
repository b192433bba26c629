package com.propcloud.pms.asset.importing;

import com.propcloud.pms.common.security.DataScope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCreator;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;

/**
 * The conditions of an export: a list's filters and the caller's data scope as SQL, so that every
 * sheet's export shows what its list would. Rows are streamed a batch at a time (call within a
 * transaction, where PostgreSQL uses a cursor), never held, whatever the export's length.
 */
public final class ExportQuery {

    private static final int FETCH_SIZE = 500;

    private final StringBuilder where = new StringBuilder(" where true");
    private final List<Object> args = new ArrayList<>();

    private ExportQuery() {}

    /** Rows of the projects the scope reaches, by the project column named (e.g. {@code u.project_id}). */
    public static ExportQuery inScope(DataScope scope, String projectColumn) {
        ExportQuery query = new ExportQuery();
        switch (scope.reach()) {
            case TENANT -> {}
            case PROJECTS -> {
                query.where.append(" and ").append(projectColumn).append(" = any (?)");
                query.args.add(scope.projects().toArray(UUID[]::new));
            }
            case OWN -> query.where.append(" and false");
        }
        return query;
    }

    /** {@code column = value}, unless the filter is absent (null); enums by name. */
    public ExportQuery equal(String column, @Nullable Object value) {
        return condition(column + " = ?", value instanceof Enum<?> e ? e.name() : value);
    }

    /** {@code column <= value}, unless the filter is absent (null). */
    public ExportQuery atMost(String column, @Nullable Object value) {
        return condition(column + " <= ?", value);
    }

    /** Text starting with the prefix (stripped; LIKE's wildcards taken literally), unless blank. */
    public ExportQuery startsWith(String column, @Nullable String prefix) {
        if (prefix == null || prefix.isBlank()) {
            return this;
        }
        String escaped =
                prefix.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return condition(column + " like ? escape '\\'", escaped + "%");
    }

    private ExportQuery condition(String condition, @Nullable Object value) {
        if (value != null) {
            where.append(" and ").append(condition);
            args.add(value);
        }
        return this;
    }

    /** What an export does with each row: typically writes it to the sheet. */
    @FunctionalInterface
    public interface Row {
        void accept(ResultSet row) throws SQLException, IOException;
    }

    /** Streams {@code select … from …} under these conditions in the given order, row by row. */
    public void stream(DataSource dataSource, String selectFrom, String orderBy, Row rows) throws IOException {
        JdbcTemplate streaming = new JdbcTemplate(dataSource);
        streaming.setFetchSize(FETCH_SIZE);
        try {
            streaming.query(statement(selectFrom, orderBy), (RowCallbackHandler) rs -> {
                try {
                    rows.accept(rs);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The same for a short answer (e.g. the distinct projects an export spans). */
    public <T> List<T> list(DataSource dataSource, String selectFrom, String orderBy, RowMapper<T> rows) {
        return new JdbcTemplate(dataSource).query(statement(selectFrom, orderBy), rows);
    }

    private PreparedStatementCreator statement(String selectFrom, String orderBy) {
        String sql = selectFrom + where + " order by " + orderBy;
        return connection -> {
            var statement = connection.prepareStatement(sql);
            for (int i = 0; i < args.size(); i++) {
                Object arg = args.get(i);
                if (arg instanceof UUID[] ids) {
                    statement.setArray(i + 1, connection.createArrayOf("uuid", ids));
                } else {
                    statement.setObject(i + 1, arg);
                }
            }
            return statement;
        };
    }
}
