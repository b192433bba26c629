package com.propcloud.pms.asset.balance;

import com.propcloud.pms.asset.importing.ImportService;
import com.propcloud.pms.asset.importing.SheetExport;
import com.propcloud.pms.asset.importing.SheetImportController;
import com.propcloud.pms.asset.registry.Roles;
import com.propcloud.pms.common.security.DataScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Opening balances in bulk: the shared import routes under {@code /api/v1/opening-balances/imports}, and
 * the export of a project's balances in the template's columns, so export → edit → import round-trips.
 * Importing is for HQ admins, project managers and finance within their projects; any staff member
 * exports what they can list.
 */
@RestController
@RequestMapping(OpeningBalanceController.PATH)
@Tag(name = "Opening balance imports")
class OpeningBalanceImportController extends SheetImportController {

    /** Finance keys in the old system's arrears beside those who shape the registry. */
    static final String[] IMPORTER_ROLES = {"HQ_ADMIN", "PROJECT_MANAGER", "FINANCE"};

    private final OpeningBalanceSheet sheet;
    private final OpeningBalanceService balances;
    private final SheetExport exports;

    OpeningBalanceImportController(
            ImportService imports, OpeningBalanceSheet sheet, OpeningBalanceService balances, SheetExport exports) {
        super(imports, sheet, OpeningBalanceController.PATH, IMPORTER_ROLES);
        this.sheet = sheet;
        this.balances = balances;
        this.exports = exports;
    }

    @GetMapping("/export")
    @PreAuthorize(Roles.STAFF)
    @Operation(
            summary = "A project's opening balances (the list's filters) as .xlsx in the template's columns, for"
                    + " export → edit → import")
    public void export(
            @RequestParam(required = false) @Nullable UUID projectId,
            @RequestParam(required = false) @Nullable UUID unitId,
            @RequestParam(required = false) @Nullable String feeItem,
            @RequestParam(required = false) @Nullable String period,
            HttpServletResponse response)
            throws IOException {
        // a file imports into one project: building codes mean nothing outside it
        var filter = OpeningBalanceController.filter(
                OpeningBalanceController.requireProject(projectId), unitId, feeItem, period);
        DataScope scope = staff();
        balances.requireProject(filter.projectId(), scope);
        exports.download(response, sheet, "opening-balances.xlsx", writer -> sheet.export(filter, writer));
    }
}
