package com.propcloud.pms.asset.importing;

import org.jspecify.annotations.Nullable;

/** Where a run reports what is wrong with a file: a row (as numbered in the file), a column, a reason. */
public interface ProblemSink {

    void add(int row, @Nullable Column column, String reason);
}
