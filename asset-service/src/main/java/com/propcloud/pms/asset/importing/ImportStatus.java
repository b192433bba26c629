package com.propcloud.pms.asset.importing;

/**
 * Where an import stands. Upload starts the dry run (VALIDATING), which ends VALIDATED (no problem,
 * may be committed) or INVALID. Commit (COMMITTING) checks again against the registry as it is then
 * and ends COMMITTED, or FAILED when a row no longer fits (or a sheet's preparation refused one):
 * nothing written. Only a VALIDATED import can be committed.
 */
public enum ImportStatus {
    VALIDATING,
    VALIDATED,
    INVALID,
    COMMITTING,
    COMMITTED,
    FAILED;

    /** Whether a run is still at work on it. */
    public boolean running() {
        return this == VALIDATING || this == COMMITTING;
    }
}
