package com.propcloud.pms.user.staff;

/**
 * A disabled account keeps its history but cannot log in or refresh its tokens; a deleted one in
 * addition disappears from every list and lookup and frees its username.
 */
public enum StaffStatus {
    ACTIVE,
    DISABLED,
    DELETED
}
