package com.propcloud.pms.asset.importing;

import java.util.Locale;

/**
 * One column of a sheet: its header reads {@code 楼栋编号 Building code}, Chinese first for the people
 * who fill it in, English for everyone else. On upload a header matches in either language or both.
 */
public record Column(String chinese, String english) {

    public String header() {
        return chinese + " " + english;
    }

    /** Whether an uploaded header cell names this column; spacing and case do not matter. */
    boolean matches(String header) {
        String found = normalise(header);
        return found.equals(normalise(header()))
                || found.equals(normalise(chinese))
                || found.equals(normalise(english));
    }

    private static String normalise(String text) {
        return text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
