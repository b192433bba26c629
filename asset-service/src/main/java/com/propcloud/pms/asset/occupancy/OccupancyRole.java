package com.propcloud.pms.asset.occupancy;

/** How a person holds a unit. */
public enum OccupancyRole {
    OWNER,
    CO_OWNER,
    FAMILY,
    TENANT
}
