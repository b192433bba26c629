package com.propcloud.pms.asset.maintenance;

/** The stable problem codes of maintenance plans; clients branch on them. */
final class MaintenanceCodes {

    static final String PROJECT_NOT_FOUND = "maintenance-plan.project-not-found";
    static final String EQUIPMENT_NOT_FOUND = "maintenance-plan.equipment-not-found";
    static final String TARGET_INVALID = "maintenance-plan.target-invalid";
    static final String LEAD_TIME_INVALID = "maintenance-plan.lead-time-invalid";

    private MaintenanceCodes() {}
}
