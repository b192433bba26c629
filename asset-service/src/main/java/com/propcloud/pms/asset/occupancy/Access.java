package com.propcloud.pms.asset.occupancy;

/** Who may use the occupancy routes; what each then reaches is their {@code DataScope}. */
final class Access {

    /** Reads: any staff member, within their projects. */
    static final String STAFF =
            "hasAnyRole('HQ_ADMIN','PROJECT_MANAGER','FRONT_DESK','TECHNICIAN','FINANCE','SECURITY')";

    /** Linking people and vehicles to units is the owner desk's work (as owners are in user-service). */
    static final String OWNER_DESK = "hasAnyRole('HQ_ADMIN','PROJECT_MANAGER','FRONT_DESK')";

    /** The owners' app: the role, and the token kind checked by {@code DataScope.requireOwner()}. */
    static final String OWNER = "hasRole('OWNER')";

    private Access() {}
}
