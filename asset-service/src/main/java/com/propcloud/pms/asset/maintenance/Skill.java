package com.propcloud.pms.asset.maintenance;

/** The trade a task needs; work orders dispatch to technicians with it. */
public enum Skill {
    PLUMBING,
    ELECTRICAL,
    ELEVATOR,
    HVAC,
    CIVIL,
    CLEANING,
    GENERAL
}
