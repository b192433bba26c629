package com.propcloud.pms.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads log files for what must never be in them: a full mainland mobile number, a full resident ID
 * number, a bearer token (JWT) or the demo password. Masked forms ({@code 139****0001}) do not match.
 * A number glued to letters or digits (a hash, a UUID, a longer number) is not a phone or an ID.
 */
final class LogScan {

    private static final String EDGE_BEFORE = "(?<![0-9A-Za-z])";
    private static final String EDGE_AFTER = "(?![0-9A-Za-z])";

    static final Map<String, Pattern> FORBIDDEN = Map.of(
            "mobile number",
            Pattern.compile(EDGE_BEFORE + "(?:\\+?86[- ]?)?1[3-9][0-9]{9}" + EDGE_AFTER),
            // region, birth date (18xx-20xx), sequence, check character: a random 18-digit number (a temp
            // directory's name, say) rarely has that shape
            "ID number",
            Pattern.compile(EDGE_BEFORE
                    + "[1-9][0-9]{5}(?:18|19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx]"
                    + EDGE_AFTER),
            "JWT",
            Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\."),
            "demo password",
            Pattern.compile(Pattern.quote("Demo#2026")));

    /** One forbidden value found: file, line number, kind, and the line with the value masked. */
    record Finding(Path file, int line, String kind, String excerpt) {
        @Override
        public String toString() {
            return file + ":" + line + " " + kind + ": " + excerpt;
        }
    }

    private LogScan() {}

    static List<Finding> scan(Path file) {
        List<Finding> findings = new ArrayList<>();
        // logs are UTF-8 but a stray byte must not stop the scan
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try (BufferedReader reader =
                new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file), decoder))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                for (var kind : FORBIDDEN.entrySet()) {
                    Matcher matcher = kind.getValue().matcher(line);
                    if (matcher.find()) {
                        String masked = matcher.replaceAll("<" + kind.getKey() + ">");
                        findings.add(new Finding(file, number, kind.getKey(), abbreviate(masked)));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return findings;
    }

    /** Every test output and service log under the project: {@code target/*-reports/*-output.txt}, {@code *.log}. */
    static List<Path> logsOfTheRun(Path root) {
        try (Stream<Path> files = Files.walk(root, 6)) {
            return files.filter(Files::isRegularFile)
                    .filter(path -> path.toString().contains("/target/"))
                    .filter(path -> {
                        String name = path.getFileName().toString();
                        return name.endsWith("-output.txt") || name.endsWith(".log");
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String abbreviate(String line) {
        return line.length() <= 240 ? line : line.substring(0, 240) + "…";
    }
}
