package com.propcloud.pms.asset.equipment;

/** Where an item stands; retired items stay in the ledger for their history. */
public enum EquipmentStatus {
    IN_SERVICE,
    FAULTY,
    UNDER_MAINTENANCE,
    RETIRED
}
