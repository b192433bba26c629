package com.propcloud.pms.asset.importing;

/**
 * Where an import stands. Upload runs the dry run: VALIDATED (no problem, may be committed) or INVALID.
 * Commit checks again against the registry as it is then: COMMITTED, or FAILED when the registry
 * changed under it so that a row no longer fits. Only a VALIDATED import can be committed.
 */
public enum ImportStatus {
    VALIDATED,
    INVALID,
    COMMITTED,
    FAILED
}
