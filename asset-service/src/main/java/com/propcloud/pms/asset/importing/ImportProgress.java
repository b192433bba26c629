package com.propcloud.pms.asset.importing;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * How far a running import has come: its phase, the rows done in it and, once a dry run has counted
 * them, the total; {@code note} says what it waits for (user-service unreachable, say), {@code
 * updatedAt} when it last moved.
 */
public record ImportProgress(
        Phase phase,
        int rowsDone,
        @Nullable Integer rowsTotal,
        @Nullable String note,
        Instant updatedAt) {

    public enum Phase {
        /** The dry run: every row checked, nothing written. */
        VALIDATING,
        /** Work a sheet does outside the registry's transaction before its commit (owners: people). */
        PREPARING,
        /** The commit's transaction: checked again, then written. */
        COMMITTING
    }
}
