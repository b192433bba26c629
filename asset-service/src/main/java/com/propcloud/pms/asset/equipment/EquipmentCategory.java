package com.propcloud.pms.asset.equipment;

/** What kind of equipment an item is; maintenance plans may cover a whole category of a project. */
public enum EquipmentCategory {
    ELEVATOR,
    WATER_PUMP,
    FIRE_SYSTEM,
    GENERATOR,
    HVAC,
    CCTV,
    ACCESS_GATE,
    TRANSFORMER,
    OTHER
}
