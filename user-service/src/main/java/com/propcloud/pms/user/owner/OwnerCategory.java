package com.propcloud.pms.user.owner;

/** How a person relates to the property; units and occupancy arrive with the registry. */
public enum OwnerCategory {
    OWNER,
    RESIDENT,
    COMMERCIAL_TENANT
}
