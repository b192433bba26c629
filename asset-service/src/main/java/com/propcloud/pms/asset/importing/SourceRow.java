package com.propcloud.pms.asset.importing;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One row as a file holds it: its number in the file (1 = the header) and its cells, text only. */
record SourceRow(int number, List<Cell> cells) {

    /** A cell's text as written (numbers in their plain form); {@code formula} when the cell computes it. */
    record Cell(@Nullable String text, boolean formula) {

        static final Cell EMPTY = new Cell(null, false);

        boolean blank() {
            return !formula && (text == null || text.isBlank());
        }
    }

    Cell cell(int index) {
        return index < cells.size() ? cells.get(index) : Cell.EMPTY;
    }

    boolean blank() {
        return cells.stream().allMatch(Cell::blank);
    }
}
