package com.propcloud.pms.asset.equipment;

/** The stable problem codes of the equipment ledger; clients branch on them. */
final class EquipmentCodes {

    static final String PROJECT_NOT_FOUND = "equipment.project-not-found";
    static final String BUILDING_NOT_FOUND = "equipment.building-not-found";
    static final String WARRANTY_BEFORE_INSTALL = "equipment.warranty-before-install";
    static final String CYCLE_INVALID = "equipment.maintenance-cycle-invalid";
    static final String CODE_TAKEN = "equipment.code-taken";

    private EquipmentCodes() {}
}
