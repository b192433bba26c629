package com.propcloud.pms.asset.importing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A data row as a sheet reads it: typed values by column, each problem reported once with the row and
 * the column. A formula cell is refused (reported here, before the sheet asks for it): its cached
 * value may be stale or missing, and an import should hold what the sheet shows, so the user pastes
 * values instead. A getter returns null where the cell is blank or wrong; {@link #failed()} tells.
 */
public final class RowReader {

    /** Excel counts days from 1899-12-30 (its 1900 leap-year bug folded in). */
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    private final SourceRow row;
    private final List<Column> columns;
    private final ProblemSink problems;
    private final Set<Column> reported = new HashSet<>();

    RowReader(SourceRow row, List<Column> columns, ProblemSink problems) {
        this.row = row;
        this.columns = columns;
        this.problems = problems;
        for (int i = 0; i < columns.size(); i++) {
            if (row.cell(i).formula()) {
                problem(columns.get(i), "公式单元格不导入 / a formula cell is not imported: paste its value instead");
            }
        }
    }

    public int number() {
        return row.number();
    }

    /** Whether any problem was reported for this row. */
    public boolean failed() {
        return !reported.isEmpty();
    }

    public void problem(@Nullable Column column, String reason) {
        reported.add(column == null ? columns.get(0) : column);
        problems.add(row.number(), column, reason);
    }

    /** The stripped text, or null when blank (reported when required). */
    public @Nullable String text(Column column, boolean required, int maxLength) {
        if (reported.contains(column)) {
            return null;
        }
        String text = row.cell(columns.indexOf(column)).text();
        if (text == null || text.isBlank()) {
            if (required) {
                problem(column, "必填 / required");
            }
            return null;
        }
        String stripped = text.strip();
        if (stripped.length() > maxLength) {
            problem(column, "最长 " + maxLength + " 字 / at most " + maxLength + " characters");
            return null;
        }
        return stripped;
    }

    public @Nullable Integer integer(Column column, boolean required) {
        BigDecimal number = number(column, required, "整数 / not a whole number");
        if (number == null) {
            return null;
        }
        try {
            return number.intValueExact();
        } catch (ArithmeticException e) {
            problem(column, "整数 / not a whole number");
            return null;
        }
    }

    public @Nullable BigDecimal decimal(Column column, boolean required) {
        return number(column, required, "数字 / not a number");
    }

    /** An ISO date (2024-06-30, also 2024/6/30), or a date cell (a day number in the sheet). */
    public @Nullable LocalDate date(Column column, boolean required) {
        String text = text(column, required, 32);
        if (text == null) {
            return null;
        }
        try {
            if (text.matches("\\d+(\\.0+)?")) {
                return EXCEL_EPOCH.plusDays(Long.parseLong(text.replaceAll("\\.0+$", "")));
            }
            String[] parts = text.split("[-/.]");
            if (parts.length == 3) {
                return LocalDate.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
            }
        } catch (NumberFormatException | java.time.DateTimeException e) {
            // reported below
        }
        problem(column, "日期格式 yyyy-MM-dd / not a date (yyyy-MM-dd)");
        return null;
    }

    /** One of the given values, by any of its names (case-insensitive); the names are listed when wrong. */
    public <E> @Nullable E choice(Column column, Map<String, E> names, boolean required) {
        String text = text(column, required, 64);
        if (text == null) {
            return null;
        }
        E value = names.get(text.toUpperCase(Locale.ROOT));
        if (value == null) {
            value = names.get(text);
        }
        if (value == null) {
            problem(column, "未知取值 / unknown value, use one of " + names.keySet());
        }
        return value;
    }

    private @Nullable BigDecimal number(Column column, boolean required, String reason) {
        String text = text(column, required, 64);
        if (text == null) {
            return null;
        }
        try {
            // a sheet stores 15 significant digits in binary: 89.55 may arrive as 89.549999999999997
            BigDecimal number = new BigDecimal(text.replace(",", ""))
                    .round(new MathContext(15))
                    .stripTrailingZeros();
            return number.scale() < 0 ? number.setScale(0) : number;
        } catch (NumberFormatException | ArithmeticException e) {
            problem(column, reason);
            return null;
        }
    }
}
