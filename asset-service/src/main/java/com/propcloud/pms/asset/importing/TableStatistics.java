package com.propcloud.pms.asset.importing;

import java.util.Collection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Refreshes the planner statistics of tables an import has just filled. A project's first import
 * multiplies its tables' size within seconds, long before autovacuum looks at them; until then the
 * planner takes them for their old size and may pick plans that filter a whole project row by row, and
 * the foreign-key checks of a connection keep such a plan for as long as it lives. Refreshing after a
 * bulk write is what the database's own guidance asks of bulk loaders. The application's role does not
 * own the tables, so a function owned by their owner analyses them (migration V12); a failure is
 * logged, never fails the import: the statistics are an optimisation.
 */
@Component
public class TableStatistics {

    /** Fewer rows than this leave the statistics to autovacuum: they cannot shift a plan much. */
    public static final int BULK_ROWS = 1_000;

    private static final Logger log = LoggerFactory.getLogger(TableStatistics.class);

    private final JdbcTemplate jdbc;

    TableStatistics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Analyses {@code tables} when {@code rows} is a bulk write; outside any transaction of the caller's. */
    public void refreshAfter(long rows, Collection<String> tables) {
        if (rows < BULK_ROWS || tables.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        try {
            jdbc.query(
                    connection -> {
                        var statement = connection.prepareStatement("select refresh_statistics(?)");
                        statement.setArray(1, connection.createArrayOf("text", tables.toArray()));
                        return statement;
                    },
                    rs -> {});
            log.info(
                    "Statistics of {} refreshed after {} rows in {} ms",
                    tables,
                    rows,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (DataAccessException e) {
            log.warn(
                    "Statistics of {} not refreshed: {}",
                    tables,
                    e.getMostSpecificCause().getMessage());
        }
    }
}
