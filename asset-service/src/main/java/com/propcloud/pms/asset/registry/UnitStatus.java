package com.propcloud.pms.asset.registry;

/** Whether anybody lives in or uses a unit; the project tree counts units by it. */
public enum UnitStatus {
    VACANT,
    OCCUPIED,
    RENTED,
    RENOVATING
}
