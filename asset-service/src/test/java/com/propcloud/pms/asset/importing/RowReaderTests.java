package com.propcloud.pms.asset.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How cells become values, and how a CSV file's encoding is told, without a database. */
class RowReaderTests {

    static final Column VALUE = new Column("值", "Value");

    final List<String> problems = new ArrayList<>();

    RowReader row(String text) {
        return new RowReader(
                new SourceRow(2, List.of(new SourceRow.Cell(text, false))),
                List.of(VALUE),
                (row, column, reason) -> problems.add(row + " " + reason));
    }

    @Nested
    class Values {

        @Test
        void aBinaryFractionFromASheetComesBackAsItsDecimal() {
            assertThat(row("89.549999999999997").decimal(VALUE, true)).isEqualByComparingTo("89.55");
        }

        @Test
        void wholeNumbersMayCarryAZeroFraction() {
            assertThat(row("12.0").integer(VALUE, true)).isEqualTo(12);
            assertThat(row("100").decimal(VALUE, true)).isEqualByComparingTo("100");
        }

        @Test
        void datesComeAsTextOrAsTheSheetsDayNumber() {
            assertThat(row("2024-06-30").date(VALUE, true)).isEqualTo(LocalDate.of(2024, 6, 30));
            assertThat(row("2024/6/30").date(VALUE, true)).isEqualTo(LocalDate.of(2024, 6, 30));
            assertThat(row("45473").date(VALUE, true)).isEqualTo(LocalDate.of(2024, 6, 30));
        }

        @Test
        void aBlankRequiredCellIsOneProblem() {
            RowReader reader = row(" ");
            assertThat(reader.text(VALUE, true, 10)).isNull();
            assertThat(reader.failed()).isTrue();
            assertThat(problems).singleElement().asString().contains("required");
        }

        @Test
        void aFormulaIsReportedOnceAndReadAsNothing() {
            RowReader reader = new RowReader(
                    new SourceRow(3, List.of(new SourceRow.Cell("SUM(A1:A2)", true))),
                    List.of(VALUE),
                    (row, column, reason) -> problems.add(reason));
            assertThat(reader.decimal(VALUE, true)).isNull();
            assertThat(problems).singleElement().asString().contains("formula");
        }
    }

    @Nested
    class CsvEncoding {

        @TempDir
        Path dir;

        Path file(byte[] content) throws IOException {
            return Files.write(dir.resolve("f.csv"), content);
        }

        @Test
        void utf8IsRecognisedWithOrWithoutAByteOrderMark() throws IOException {
            assertThat(TableReader.charsetOf(file("楼栋,房号".getBytes(StandardCharsets.UTF_8))))
                    .isEqualTo(StandardCharsets.UTF_8);
            assertThat(TableReader.charsetOf(file("\uFEFF楼栋".getBytes(StandardCharsets.UTF_8))))
                    .isEqualTo(StandardCharsets.UTF_8);
        }

        @Test
        void gbkFallsBackToGb18030AndReadsBack() throws IOException {
            Path gbk = file("楼栋编号 Building code,甲栋".getBytes(Charset.forName("GBK")));
            assertThat(TableReader.charsetOf(gbk)).isEqualTo(TableReader.GB18030);
            try (TableReader reader = TableReader.open(gbk, ImportFormat.CSV, "csv")) {
                SourceRow row = reader.next();
                assertThat(Arrays.asList(row.cell(0).text(), row.cell(1).text()))
                        .containsExactly("楼栋编号 Building code", "甲栋");
            }
        }
    }
}
