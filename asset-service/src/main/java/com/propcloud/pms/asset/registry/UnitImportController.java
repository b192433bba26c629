package com.propcloud.pms.asset.registry;

import com.propcloud.pms.asset.importing.ImportService;
import com.propcloud.pms.asset.importing.SheetExport;
import com.propcloud.pms.asset.importing.SheetImportController;
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
 * Buildings and units in bulk: the shared import routes under {@code /api/v1/units/imports}, and the
 * export of the unit list in the template's columns, so export → edit → import round-trips. Importing is
 * for HQ admins and project managers within their projects; any staff member exports what they can list.
 */
@RestController
@RequestMapping(UnitImportController.PATH)
@Tag(name = "Unit imports")
class UnitImportController extends SheetImportController {

    static final String PATH = "/api/v1/units";

    private final UnitSheet sheet;
    private final SheetExport exports;

    UnitImportController(ImportService imports, UnitSheet sheet, SheetExport exports) {
        super(imports, sheet, PATH, Roles.REGISTRAR_ROLES);
        this.sheet = sheet;
        this.exports = exports;
    }

    @GetMapping("/export")
    @PreAuthorize(Roles.STAFF)
    @Operation(summary = "The unit list (same filters) as .xlsx in the template's columns, for export → edit → import")
    public void export(
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
        exports.download(response, sheet, "units.xlsx", writer -> sheet.export(filter, scope, writer));
    }
}
