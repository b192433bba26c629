package com.propcloud.pms.asset.importing;

import org.jspecify.annotations.Nullable;

/**
 * One thing wrong with an imported file: the sheet, the row as numbered in the file (1 is the header),
 * the column's header (none when the whole row or file is meant) and why.
 */
public record ImportProblem(String sheet, int row, @Nullable String column, String reason) {}
