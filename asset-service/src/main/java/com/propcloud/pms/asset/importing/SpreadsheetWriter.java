package com.propcloud.pms.asset.importing;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jspecify.annotations.Nullable;

/**
 * Writes one worksheet to a stream as rows arrive, flushing every few hundred rows, so templates,
 * exports and reports of any length take little memory. Numbers stay numbers and dates are written as
 * ISO text, which reads back the same in the import.
 */
public final class SpreadsheetWriter implements AutoCloseable {

    private static final int FLUSH_EVERY = 500;

    private final Workbook workbook;
    private final Worksheet sheet;
    private int row;

    public SpreadsheetWriter(OutputStream out, String title) {
        this.workbook = new Workbook(out, "pms", "1.0");
        this.sheet = workbook.newWorksheet(title);
    }

    /** The header row: each column's bilingual header, then any extra headers (e.g. the report's errors). */
    public void header(List<Column> columns, String... extra) throws IOException {
        int c = 0;
        for (Column column : columns) {
            sheet.value(row, c, column.header());
            sheet.style(row, c++).bold().set();
        }
        for (String header : extra) {
            sheet.value(row, c, header);
            sheet.style(row, c++).bold().set();
        }
        sheet.freezePane(0, 1);
        next();
    }

    public void row(List<? extends @Nullable Object> values) throws IOException {
        for (int c = 0; c < values.size(); c++) {
            Object value = values.get(c);
            if (value instanceof Number number) {
                sheet.value(row, c, number);
            } else if (value instanceof LocalDate date) {
                sheet.value(row, c, date.toString());
            } else if (value != null) {
                sheet.value(row, c, value.toString());
            }
        }
        next();
    }

    private void next() throws IOException {
        if (++row % FLUSH_EVERY == 0) {
            sheet.flush();
        }
    }

    @Override
    public void close() throws IOException {
        workbook.finish();
    }
}
