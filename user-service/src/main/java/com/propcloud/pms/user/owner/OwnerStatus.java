package com.propcloud.pms.user.owner;

public enum OwnerStatus {
    ACTIVE,
    DISABLED,
    /** Kept as history; the phone is free for a new account. */
    DELETED
}
