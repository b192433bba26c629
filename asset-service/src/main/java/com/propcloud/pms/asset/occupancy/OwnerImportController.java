package com.propcloud.pms.asset.occupancy;

import com.propcloud.pms.asset.importing.ImportService;
import com.propcloud.pms.asset.importing.SheetImportController;
import com.propcloud.pms.asset.registry.Roles;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Owners and occupants in bulk, under {@code /api/v1/occupants/imports}: the template, upload (dry
 * run), status with progress, problems, report and commit, which creates or matches the people in
 * user-service before linking them. There is no export: a round-trippable file would carry every
 * owner's phone and ID number in clear, which no list view shows.
 */
@RestController
@RequestMapping(OwnerImportController.PATH)
@Tag(name = "Occupant imports")
class OwnerImportController extends SheetImportController {

    static final String PATH = "/api/v1/occupants";

    OwnerImportController(ImportService imports, OwnerSheet sheet) {
        super(imports, sheet, PATH, Roles.REGISTRAR_ROLES);
    }
}
