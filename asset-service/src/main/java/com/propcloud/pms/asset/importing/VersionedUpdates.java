package com.propcloud.pms.asset.importing;

import java.util.List;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A sheet's batch of updates guarded by {@code version}, as every sheet writes its changed rows: a row
 * changed by someone else since the run read it updates nothing, and the commit then fails (rolled back
 * whole) rather than overwrite that change.
 */
public final class VersionedUpdates {

    private VersionedUpdates() {}

    /** Runs the batch and empties it; {@code what} names a row in the failure ("a parking space"). */
    public static void run(JdbcTemplate jdbc, String sql, List<Object[]> rows, String what) {
        if (rows.isEmpty()) {
            return;
        }
        // updates are not rewritten into one statement (inserts are), so each reports its own count
        for (int count : jdbc.batchUpdate(sql, rows)) {
            requireOne(count, what);
        }
        rows.clear();
    }

    public static void requireOne(int count, String what) {
        if (count == 0) {
            throw new OptimisticLockingFailureException(what + " was changed while the import was committed");
        }
    }
}
