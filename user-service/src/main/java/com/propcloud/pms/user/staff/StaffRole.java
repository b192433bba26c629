package com.propcloud.pms.user.staff;

/** Roles a staff account can hold; they travel in the access token's {@code roles} claim. */
public enum StaffRole {
    HQ_ADMIN,
    PROJECT_MANAGER,
    FRONT_DESK,
    TECHNICIAN,
    FINANCE,
    SECURITY,
    /** Manages tenants; held only by accounts of the platform tenant. */
    PLATFORM_OPERATOR
}
