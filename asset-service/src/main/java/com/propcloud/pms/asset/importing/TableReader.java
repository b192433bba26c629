package com.propcloud.pms.asset.importing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.jspecify.annotations.Nullable;

/**
 * Streams a file's rows, one at a time, whatever its format: the first worksheet of a workbook, read
 * as XML events without building the sheet in memory, or a CSV file. Rows come in file order with
 * their numbers as the user sees them (1 is the header).
 */
abstract class TableReader implements AutoCloseable {

    static final Charset GB18030 = Charset.forName("GB18030");

    /** The sheet's name as problems cite it. */
    abstract String sheet();

    /** The next row, or null at the end of the file. */
    abstract @Nullable SourceRow next() throws IOException;

    @Override
    public abstract void close() throws IOException;

    static TableReader open(Path file, ImportFormat format, String csvSheetName) throws IOException {
        return switch (format) {
            case XLSX -> new Xlsx(file);
            case CSV -> new Csv(file, charsetOf(file), csvSheetName);
        };
    }

    /**
     * UTF-8 (with or without a byte-order mark) when the whole file decodes strictly as UTF-8, else
     * GB18030, the superset of GBK that Chinese Excel writes CSV in. Text in GBK almost never happens to
     * be valid UTF-8, so the strict pass decides reliably; it streams, holding one buffer at a time.
     */
    static Charset charsetOf(Path file) throws IOException {
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (Reader reader = new InputStreamReader(Files.newInputStream(file), decoder)) {
            char[] buffer = new char[8192];
            while (reader.read(buffer) >= 0) {
                // decoding is the check
            }
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return GB18030;
        }
    }

    private static final class Xlsx extends TableReader {

        private final ReadableWorkbook workbook;
        private final String sheet;
        private final Stream<Row> rows;
        private final Iterator<Row> iterator;

        Xlsx(Path file) throws IOException {
            this.workbook = new ReadableWorkbook(file.toFile(), new ReadingOptions(false, false));
            var first = workbook.getFirstSheet();
            this.sheet = first.getName();
            this.rows = first.openStream();
            this.iterator = rows.iterator();
        }

        @Override
        String sheet() {
            return sheet;
        }

        @Override
        @Nullable
        SourceRow next() throws IOException {
            try {
                if (!iterator.hasNext()) {
                    return null;
                }
                Row row = iterator.next();
                List<SourceRow.Cell> cells = new ArrayList<>(row.getCellCount());
                for (int i = 0; i < row.getCellCount(); i++) {
                    cells.add(cell(row.getCell(i)));
                }
                return new SourceRow(row.getRowNum(), cells);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            } catch (RuntimeException e) {
                throw new IOException("The workbook cannot be read", e);
            }
        }

        private static SourceRow.Cell cell(org.dhatim.fastexcel.reader.@Nullable Cell cell) {
            if (cell == null || cell.getType() == CellType.EMPTY) {
                return SourceRow.Cell.EMPTY;
            }
            if (cell.getType() == CellType.FORMULA) {
                return new SourceRow.Cell(cell.getRawValue(), true);
            }
            // numbers in their stored form (89.5, 45473), not as a display format would show them
            return new SourceRow.Cell(cell.getType() == CellType.STRING ? cell.asString() : cell.getRawValue(), false);
        }

        @Override
        public void close() throws IOException {
            rows.close();
            workbook.close();
        }
    }

    private static final class Csv extends TableReader {

        private final CSVParser parser;
        private final Iterator<CSVRecord> iterator;
        private final String sheet;

        Csv(Path file, Charset charset, String sheet) throws IOException {
            InputStream in = Files.newInputStream(file);
            Reader reader = new BufferedReader(new InputStreamReader(in, charset));
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
            this.parser = CSVFormat.DEFAULT.builder().get().parse(reader);
            this.iterator = parser.iterator();
            this.sheet = sheet;
        }

        @Override
        String sheet() {
            return sheet;
        }

        @Override
        @Nullable
        SourceRow next() throws IOException {
            try {
                if (!iterator.hasNext()) {
                    return null;
                }
                CSVRecord record = iterator.next();
                List<SourceRow.Cell> cells = new ArrayList<>(record.size());
                for (String value : record) {
                    cells.add(new SourceRow.Cell(value, false));
                }
                return new SourceRow(Math.toIntExact(record.getRecordNumber()), cells);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }

        @Override
        public void close() throws IOException {
            parser.close();
        }
    }
}
