package com.propcloud.pms.asset.registry;

/** What a unit is used for. */
public enum UnitType {
    APARTMENT,
    SHOP,
    OFFICE,
    STORAGE,
    OTHER
}
