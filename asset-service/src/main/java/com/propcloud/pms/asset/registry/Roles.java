package com.propcloud.pms.asset.registry;

/**
 * Who may use the registry's routes (and those of equipment, plans and routes, which follow the same
 * split); what each then reaches is their {@code DataScope}.
 */
public final class Roles {

    /** Reads: any staff member (owners get their own view under /api/v1/app/units later). */
    public static final String STAFF =
            "hasAnyRole('HQ_ADMIN','PROJECT_MANAGER','FRONT_DESK','TECHNICIAN','FINANCE','SECURITY')";

    /** Projects and regions: the tenant's portfolio is HQ's to shape. */
    public static final String HQ = "hasRole('HQ_ADMIN')";

    /** Buildings and units: HQ, and project managers within their projects. */
    public static final String REGISTRARS = "hasAnyRole('HQ_ADMIN','PROJECT_MANAGER')";

    /** {@link #REGISTRARS} as role names, for checks made in code (the import routes). */
    public static final String[] REGISTRAR_ROLES = {"HQ_ADMIN", "PROJECT_MANAGER"};

    private Roles() {}
}
