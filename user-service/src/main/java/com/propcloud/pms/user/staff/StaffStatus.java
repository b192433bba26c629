package com.propcloud.pms.user.staff;

/** A disabled account keeps its history but cannot log in or refresh its tokens. */
enum StaffStatus {
    ACTIVE,
    DISABLED
}
