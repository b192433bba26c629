package com.propcloud.pms.asset.registry;

/**
 * The stable problem codes of the registry. Clients branch on them; the database constraints behind
 * several of them are mapped in {@link RegistryConstraints}.
 */
final class RegistryCodes {

    static final String REGION_NAME_TAKEN = "region.name-taken";
    static final String REGION_HAS_PROJECTS = "region.has-projects";
    static final String PROJECT_CODE_TAKEN = "project.code-taken";
    static final String PROJECT_REGION_NOT_FOUND = "project.region-not-found";
    static final String PROJECT_CONTRACT_PERIOD_INVALID = "project.contract-period-invalid";
    static final String PROJECT_HAS_BUILDINGS = "project.has-buildings";
    static final String PROJECT_HAS_EQUIPMENT = "project.has-equipment";
    static final String PROJECT_HAS_SCHEDULES = "project.has-schedules";
    static final String BUILDING_HAS_EQUIPMENT = "building.has-equipment";
    static final String BUILDING_CODE_TAKEN = "building.code-taken";
    static final String BUILDING_PROJECT_NOT_FOUND = "building.project-not-found";
    static final String BUILDING_FLOORS_EXCLUDE_UNITS = "building.floors-exclude-units";
    static final String BUILDING_HAS_UNITS = "building.has-units";
    static final String UNIT_NUMBER_TAKEN = "unit.number-taken";
    static final String UNIT_BUILDING_NOT_FOUND = "unit.building-not-found";
    static final String UNIT_FLOOR_OUT_OF_RANGE = "unit.floor-out-of-range";
    static final String UNIT_AREA_INVALID = "unit.area-invalid";
    /** The tenant's plan allows no more projects (422; user-service's operator raises the limit). */
    static final String PLAN_PROJECT_LIMIT_REACHED = "plan.project-limit-reached";
    /** The tenant's plan allows no more units, counted over all its projects (422). */
    static final String PLAN_UNIT_LIMIT_REACHED = "plan.unit-limit-reached";

    private RegistryCodes() {}
}
