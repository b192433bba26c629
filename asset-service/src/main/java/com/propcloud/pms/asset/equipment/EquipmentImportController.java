package com.propcloud.pms.asset.equipment;

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
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The equipment ledger in bulk: the shared import routes under {@code /api/v1/equipment/imports}, and the
 * export of the ledger list in the template's columns, so export → edit → import round-trips. Importing
 * is for HQ admins and project managers within their projects, as registering items is; any staff member
 * exports what they can list.
 */
@RestController
@RequestMapping(EquipmentImportController.PATH)
@Tag(name = "Equipment imports")
class EquipmentImportController extends SheetImportController {

    static final String PATH = "/api/v1/equipment";

    private final EquipmentSheet sheet;
    private final SheetExport exports;

    EquipmentImportController(ImportService imports, EquipmentSheet sheet, SheetExport exports) {
        super(imports, sheet, PATH, Roles.REGISTRAR_ROLES);
        this.sheet = sheet;
        this.exports = exports;
    }

    @GetMapping("/export")
    @PreAuthorize(Roles.STAFF)
    @Operation(
            summary = "The ledger list (same filters) as .xlsx in the template's columns, for export → edit →"
                    + " import")
    public void export(
            @RequestParam(required = false) @Nullable UUID projectId,
            @RequestParam(required = false) @Nullable UUID buildingId,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable LocalDate warrantyBefore,
            HttpServletResponse response)
            throws IOException {
        var filter = new EquipmentService.Filter(
                projectId,
                buildingId,
                RegistryQueries.parameter("category", category, EquipmentCategory.class),
                RegistryQueries.parameter("status", status, EquipmentStatus.class),
                warrantyBefore);
        DataScope scope = staff();
        exports.download(response, sheet, "equipment.xlsx", writer -> sheet.export(filter, scope, writer));
    }
}
