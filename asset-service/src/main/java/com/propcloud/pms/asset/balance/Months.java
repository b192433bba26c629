package com.propcloud.pms.asset.balance;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The month a balance belongs to, as people write it in a sheet: {@code 2024-05} (what exports write),
 * {@code 2024/5}, {@code 2024年5月}, {@code 202405}, or a date, whose month it is. Excel turns a typed
 * {@code 2024-05} into a date cell (the 1st), which arrives as a day number, so those are dates too.
 * A dot is not a separator: {@code 2024.10} typed as a number arrives as {@code 2024.1}.
 */
final class Months {

    /** Excel counts days from 1899-12-30 (its 1900 leap-year bug folded in), as RowReader does. */
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    /** Older than this is a typo rather than an arrear (and before spreadsheets counted days). */
    static final int FIRST_YEAR = 1970;

    private static final Pattern MONTH = Pattern.compile("(\\d{4})(?:[-/]|年)(\\d{1,2})月?");
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})");
    private static final Pattern DATE = Pattern.compile("(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})");
    private static final Pattern DAY_NUMBER = Pattern.compile("(\\d{5})(?:\\.0+)?");

    private Months() {}

    /** The month the text names, or null when it names none (or one before {@link #FIRST_YEAR}). */
    static @Nullable YearMonth parse(String text) {
        String value = text.strip();
        try {
            YearMonth month = null;
            Matcher m;
            if ((m = MONTH.matcher(value)).matches() || (m = COMPACT.matcher(value)).matches()) {
                month = YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            } else if ((m = DATE.matcher(value)).matches()) {
                month = YearMonth.from(LocalDate.of(
                        Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
            } else if ((m = DAY_NUMBER.matcher(value)).matches()) {
                month = YearMonth.from(EXCEL_EPOCH.plusDays(Long.parseLong(m.group(1))));
            }
            return month == null || month.getYear() < FIRST_YEAR ? null : month;
        } catch (DateTimeException e) {
            return null;
        }
    }
}
