package com.propcloud.pms.user.staff;

/** What a technician can be dispatched for. */
public enum StaffSkill {
    PLUMBING,
    ELECTRICAL,
    ELEVATOR,
    HVAC,
    CIVIL,
    CLEANING,
    GENERAL
}
