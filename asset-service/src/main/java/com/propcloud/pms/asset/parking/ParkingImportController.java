package com.propcloud.pms.asset.parking;

import com.propcloud.pms.asset.importing.ImportService;
import com.propcloud.pms.asset.importing.SheetExport;
import com.propcloud.pms.asset.importing.SheetImportController;
import com.propcloud.pms.asset.registry.RegistryQueries;
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
 * Parking spaces in bulk: the shared import routes under {@code /api/v1/parking-spaces/imports}, and the
 * export of the parking list in the template's columns, so export → edit → import round-trips. Importing
 * is for HQ admins and project managers within their projects, as registering spaces is; any staff
 * member exports what they can list.
 */
@RestController
@RequestMapping(ParkingImportController.PATH)
@Tag(name = "Parking space imports")
class ParkingImportController extends SheetImportController {

    static final String PATH = "/api/v1/parking-spaces";

    private final ParkingSheet sheet;
    private final SheetExport exports;

    ParkingImportController(ImportService imports, ParkingSheet sheet, SheetExport exports) {
        super(imports, sheet, PATH, Roles.REGISTRAR_ROLES);
        this.sheet = sheet;
        this.exports = exports;
    }

    @GetMapping("/export")
    @PreAuthorize(Roles.STAFF)
    @Operation(
            summary = "The parking list (same filters) as .xlsx in the template's columns, for export → edit →"
                    + " import")
    public void export(
            @RequestParam(required = false) @Nullable UUID projectId,
            @RequestParam(required = false) @Nullable String zone,
            @RequestParam(required = false) @Nullable String type,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable UUID unitId,
            HttpServletResponse response)
            throws IOException {
        var filter = new ParkingSpaceService.Filter(
                projectId,
                zone == null || zone.isBlank() ? null : zone,
                RegistryQueries.parameter("type", type, ParkingSpaceType.class),
                RegistryQueries.parameter("status", status, ParkingSpaceStatus.class),
                unitId);
        DataScope scope = staff();
        exports.download(response, sheet, "parking-spaces.xlsx", writer -> sheet.export(filter, scope, writer));
    }
}
