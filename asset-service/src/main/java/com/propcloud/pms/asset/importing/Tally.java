package com.propcloud.pms.asset.importing;

/**
 * What a sheet's run counts while it validates: the data rows, and for each valid one what committing
 * would do with it (create it, update its match, or leave its match alone).
 */
public final class Tally {

    private int rows;
    private int toCreate;
    private int toUpdate;
    private int unchanged;

    /** A data row read, valid or not. */
    public void row() {
        rows++;
    }

    /** A valid row: without a match in the project it is created; with one, updated unless the same. */
    public void valid(boolean matched, boolean same) {
        if (!matched) {
            toCreate++;
        } else if (same) {
            unchanged++;
        } else {
            toUpdate++;
        }
    }

    public SheetDefinition.Counts counts() {
        return new SheetDefinition.Counts(rows, toCreate, toUpdate, unchanged);
    }
}
