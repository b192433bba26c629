package com.propcloud.pms.user.staff;

import java.util.EnumSet;
import java.util.Set;

/** Roles a staff account can hold; they travel in the access token's {@code roles} claim. */
public enum StaffRole {
    HQ_ADMIN,
    PROJECT_MANAGER,
    FRONT_DESK,
    TECHNICIAN,
    FINANCE,
    SECURITY,
    /** Manages tenants; held only by accounts of the platform tenant. */
    PLATFORM_OPERATOR;

    /** The roles an HQ admin may grant to the tenant's own staff. */
    public static final Set<StaffRole> TENANT_ROLES =
            EnumSet.of(HQ_ADMIN, PROJECT_MANAGER, FRONT_DESK, TECHNICIAN, FINANCE, SECURITY);

    /** Roles that see every project of their tenant and so carry no project scope. */
    public static final Set<StaffRole> TENANT_WIDE = EnumSet.of(HQ_ADMIN, PLATFORM_OPERATOR);
}
