package com.propcloud.pms.asset.importing;

import com.propcloud.pms.common.security.DataScope;
import com.propcloud.pms.common.web.PageQuery;
import com.propcloud.pms.common.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;

/**
 * The import routes every sheet shares, under the subclass's {@code @RequestMapping} (say {@code
 * /api/v1/units}): {@code GET imports/template}, {@code POST imports} (upload = dry run), {@code GET
 * imports/{id}}, {@code GET imports/{id}/problems}, {@code GET imports/{id}/report}, {@code POST
 * imports/{id}/commit}. A subclass names the sheet, its base path and the roles that may import, and
 * adds its own export. The roles are checked here, on every route: a subclass's class-level {@code
 * @PreAuthorize} does not reach methods it inherits.
 */
public abstract class SheetImportController {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final ImportService imports;
    private final SheetDefinition sheet;
    private final String basePath;
    private final AuthorizationManager<Object> importers;

    protected SheetImportController(
            ImportService imports, SheetDefinition sheet, String basePath, String... importerRoles) {
        this.imports = imports;
        this.sheet = sheet;
        this.basePath = basePath;
        this.importers = AuthorityAuthorizationManager.hasAnyRole(importerRoles);
    }

    @GetMapping("/imports/template")
    @Operation(summary = "The sheet's template (.xlsx): bilingual header and a sample row")
    public void template(HttpServletResponse response) throws IOException {
        importer();
        imports.template(sheet, xlsx(response, sheet.name() + "-template.xlsx"));
    }

    @PostMapping(path = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Upload a file (.xlsx, or .csv in UTF-8 or GBK) into a project and dry-run it: every"
                    + " problem is recorded, nothing is written until the commit. 201 with the outcome, or 202"
                    + " while a large file is still being checked (follow the Location)")
    public ResponseEntity<ImportService.Summary> upload(
            @RequestParam UUID projectId, @RequestPart("file") MultipartFile file) throws IOException {
        ImportService.Summary summary;
        try (InputStream content = file.getInputStream()) {
            summary = imports.upload(
                    sheet, projectId, file.getOriginalFilename(), file.getContentType(), content, importer());
        }
        URI location = URI.create(basePath + "/imports/" + summary.id());
        // 202 while the dry run goes on: the import exists, its outcome is to be followed at the location
        return summary.status().running()
                ? ResponseEntity.accepted().location(location).body(summary)
                : ResponseEntity.created(location).body(summary);
    }

    @GetMapping("/imports/{id}")
    @Operation(summary = "An import's status and counts, and its progress while it runs")
    public ImportService.Summary get(@PathVariable UUID id) {
        return imports.get(sheet, id, importer());
    }

    @GetMapping("/imports/{id}/problems")
    @Operation(summary = "An import's problems in file order, paged")
    public PageResponse<ImportProblem> problems(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size) {
        var pageable = PageQuery.of(page, size, null, Set.of(), Sort.unsorted());
        return imports.problems(sheet, id, pageable, importer());
    }

    @GetMapping("/imports/{id}/report")
    @Operation(summary = "The uploaded file as .xlsx with an added error column")
    public void report(@PathVariable UUID id, HttpServletResponse response) throws IOException {
        // looked up before the first byte, so a missing import is still a 404 problem
        DataScope scope = importer();
        imports.get(sheet, id, scope);
        imports.report(sheet, id, scope, xlsx(response, sheet.name() + "-import-" + id + "-report.xlsx"));
    }

    @PostMapping("/imports/{id}/commit")
    @Operation(
            summary = "Commit a validated import: 200 once written, 202 while still running (follow the Location);"
                    + " 409 import.not-committable unless VALIDATED, 409 import.failed when rows no longer fit")
    public ResponseEntity<ImportService.Summary> commit(@PathVariable UUID id) {
        ImportService.Summary summary = imports.commit(sheet, id, importer());
        return summary.status().running()
                ? ResponseEntity.accepted()
                        .location(URI.create(basePath + "/imports/" + id))
                        .body(summary)
                : ResponseEntity.ok(summary);
    }

    /** Starts an .xlsx download named {@code fileName} and returns its body. */
    protected static OutputStream xlsx(HttpServletResponse response, String fileName) throws IOException {
        response.setContentType(XLSX);
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(fileName).build().toString());
        return response.getOutputStream();
    }

    /** The caller's scope, once they are known to hold one of the importer roles (403 otherwise). */
    private DataScope importer() {
        var decision =
                importers.authorize(() -> SecurityContextHolder.getContext().getAuthentication(), this);
        if (decision == null || !decision.isGranted()) {
            // a plain AccessDeniedException: Spring Security's AuthorizationDeniedException, thrown from
            // inside a secured method, is taken for a @HandleAuthorizationDenied case and fails there
            throw new AccessDeniedException("Importing is not part of this role");
        }
        return staff();
    }

    protected static DataScope staff() {
        return DataScope.current().requireStaff();
    }
}
