package com.propcloud.pms.asset.importing;

import static org.assertj.core.api.Assertions.assertThat;

import com.propcloud.pms.asset.registry.RegistryApi;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import tools.jackson.databind.JsonNode;

/** Import files as the sheet tests make them, and the assertions they share on an import's answer. */
public final class SheetFiles {

    private SheetFiles() {}

    /** A sheet's bilingual header row, as its template writes it. */
    public static List<String> header(List<Column> columns) {
        return columns.stream().map(Column::header).toList();
    }

    /**
     * A workbook of one worksheet: the header, then {@code rows} rows made by {@code row} (0-based);
     * numbers stay numbers and text starting with {@code =} becomes a formula.
     */
    public static byte[] workbook(String sheet, List<String> header, int rows, IntFunction<List<Object>> row)
            throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "test", "1.0");
        Worksheet worksheet = workbook.newWorksheet(sheet);
        for (int c = 0; c < header.size(); c++) {
            worksheet.value(0, c, header.get(c));
        }
        for (int r = 0; r < rows; r++) {
            List<Object> values = row.apply(r);
            for (int c = 0; c < values.size(); c++) {
                Object value = values.get(c);
                if (value instanceof Number number) {
                    worksheet.value(r + 1, c, number);
                } else if (value instanceof String text && text.startsWith("=")) {
                    worksheet.formula(r + 1, c, text.substring(1));
                } else if (value != null) {
                    worksheet.value(r + 1, c, value.toString());
                }
            }
        }
        workbook.finish();
        return out.toByteArray();
    }

    /** The first worksheet's rows as text, header first. */
    public static List<List<String>> rows(byte[] workbook) throws Exception {
        try (ReadableWorkbook read = new ReadableWorkbook(new ByteArrayInputStream(workbook))) {
            List<List<String>> rows = new ArrayList<>();
            read.getFirstSheet()
                    .read()
                    .forEach(row -> rows.add(row.stream()
                            .map(cell -> cell == null ? "" : cell.getText())
                            .toList()));
            return rows;
        }
    }

    public static void counts(JsonNode imported, int rows, int toCreate, int toUpdate, int unchanged, int errors) {
        JsonNode counts = imported.path("counts");
        assertThat(List.of(
                        counts.path("rows").asInt(),
                        counts.path("toCreate").asInt(),
                        counts.path("toUpdate").asInt(),
                        counts.path("unchanged").asInt(),
                        counts.path("errors").asInt()))
                .as(imported.toString())
                .containsExactly(rows, toCreate, toUpdate, unchanged, errors);
    }

    public static List<String> reasons(JsonNode imported) {
        return imported.path("problems").findValuesAsString("reason");
    }

    /** Each of the answer's problems as {@code "<row> <column header> <reason>"}. */
    public static List<String> problems(JsonNode imported) {
        List<String> problems = new ArrayList<>();
        imported.path("problems")
                .forEach(p -> problems.add(p.path("row").asInt() + " "
                        + p.path("column").asString() + " " + p.path("reason").asString()));
        return problems;
    }

    /** Another tenant's HQ admin finds the import neither to read nor to commit: 404 as for a missing id. */
    public static void assertHiddenFromAnotherTenant(RegistryApi api, String imports, String importId)
            throws Exception {
        String stranger = RegistryApi.hq(UUID.randomUUID());
        RegistryApi.assertNotFoundLikeMissing(
                api.get(imports + "/" + importId, stranger),
                api.get(imports + "/" + UUID.randomUUID(), stranger),
                importId);
        RegistryApi.problem(api.post(imports + "/" + importId + "/commit", stranger, ""), 404, "not-found");
    }

    /** The project's front desk exports the list under {@code base} but may neither upload nor get the template. */
    public static void assertFrontDeskExportsOnly(
            RegistryApi api, String base, UUID tenant, String project, byte[] file) throws Exception {
        String desk = RegistryApi.scoped(tenant, "FRONT_DESK", UUID.fromString(project));
        HttpResponse<String> uploaded =
                api.upload(base + "/imports?projectId=" + project, desk, "f.xlsx", SheetImportController.XLSX, file);
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(403);
        assertThat(api.download(base + "/imports/template", desk).statusCode()).isEqualTo(403);
        assertThat(api.download(base + "/export?projectId=" + project, desk).statusCode())
                .isEqualTo(200);
    }
}
