package com.propcloud.pms.asset.renovation;

/** SUBMITTED → APPROVED | REJECTED; APPROVED → COMPLETED. */
enum RenovationStatus {
    SUBMITTED,
    APPROVED,
    REJECTED,
    COMPLETED
}
