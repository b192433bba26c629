package com.propcloud.pms.asset.registry;

import com.propcloud.pms.asset.importing.ImportProblem;
import com.propcloud.pms.asset.importing.ImportService;
import com.propcloud.pms.asset.importing.SpreadsheetWriter;
import com.propcloud.pms.common.security.DataScope;
import com.propcloud.pms.common.web.PageQuery;
import com.propcloud.pms.common.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Buildings and units in bulk: the template, uploads (a dry run that reports every problem and writes
 * nothing), the import's status, problems and report, its commit; and the export of the unit list in
 * the template's columns, so export → edit → import round-trips. Importing is for HQ admins and project
 * managers within their projects; any staff member exports what they can list.
 */
@RestController
@RequestMapping("/api/v1/units")
@Tag(name = "Unit imports")
@PreAuthorize(Roles.REGISTRARS)
class UnitImportController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final ImportService imports;
    private final UnitSheet sheet;
    private final TransactionTemplate readOnly;

    UnitImportController(ImportService imports, UnitSheet sheet, PlatformTransactionManager transactions) {
        this.imports = imports;
        this.sheet = sheet;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    @GetMapping("/imports/template")
    @Operation(summary = "The buildings+units template (.xlsx): bilingual header and a sample row")
    void template(HttpServletResponse response) throws IOException {
        imports.template(sheet, xlsx(response, "units-template.xlsx"));
    }

    @PostMapping(path = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Upload a buildings+units file (.xlsx, or .csv in UTF-8 or GBK) into a project and dry-run"
                    + " it: every problem is recorded, nothing is written until the commit")
    ResponseEntity<ImportService.Summary> upload(@RequestParam UUID projectId, @RequestPart("file") MultipartFile file)
            throws IOException {
        ImportService.Summary summary;
        try (InputStream content = file.getInputStream()) {
            summary = imports.upload(
                    sheet, projectId, file.getOriginalFilename(), file.getContentType(), content, staff());
        }
        return ResponseEntity.created(URI.create("/api/v1/units/imports/" + summary.id()))
                .body(summary);
    }

    @GetMapping("/imports/{id}")
    @Operation(summary = "An import's status and counts")
    ImportService.Summary get(@PathVariable UUID id) {
        return imports.get(sheet, id, staff());
    }

    @GetMapping("/imports/{id}/problems")
    @Operation(summary = "An import's problems in file order, paged")
    PageResponse<ImportProblem> problems(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size) {
        var pageable = PageQuery.of(page, size, null, Set.of(), Sort.unsorted());
        return imports.problems(sheet, id, pageable, staff());
    }

    @GetMapping("/imports/{id}/report")
    @Operation(summary = "The uploaded file as .xlsx with an added error column")
    void report(@PathVariable UUID id, HttpServletResponse response) throws IOException {
        // looked up before the first byte, so a missing import is still a 404 problem
        imports.get(sheet, id, staff());
        imports.report(sheet, id, staff(), xlsx(response, "units-import-" + id + "-report.xlsx"));
    }

    @PostMapping("/imports/{id}/commit")
    @Operation(
            summary = "Commit a validated import in one transaction (409 import.not-committable once committed or"
                    + " failed; 409 import.failed when the registry changed since the dry run)")
    ImportService.Summary commit(@PathVariable UUID id) throws IOException {
        return imports.commit(sheet, id, staff());
    }

    @GetMapping("/export")
    @PreAuthorize(Roles.STAFF)
    @Operation(summary = "The unit list (same filters) as .xlsx in the template's columns, for export → edit → import")
    void export(
            @RequestParam(required = false) @Nullable UUID projectId,
            @RequestParam(required = false) @Nullable UUID buildingId,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String type,
            @RequestParam(required = false) @Nullable String numberPrefix,
            HttpServletResponse response)
            throws IOException {
        var filter = new UnitService.Filter(
                projectId,
                buildingId,
                RegistryQueries.parameter("status", status, UnitStatus.class),
                RegistryQueries.parameter("type", type, UnitType.class),
                numberPrefix);
        DataScope scope = staff();
        var out = xlsx(response, "units.xlsx");
        readOnly.executeWithoutResult(tx -> {
            try (SpreadsheetWriter writer = new SpreadsheetWriter(out, sheet.title())) {
                sheet.export(filter, scope, writer);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static java.io.OutputStream xlsx(HttpServletResponse response, String fileName) throws IOException {
        response.setContentType(XLSX);
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(fileName).build().toString());
        return response.getOutputStream();
    }

    private static DataScope staff() {
        return DataScope.current().requireStaff();
    }
}
