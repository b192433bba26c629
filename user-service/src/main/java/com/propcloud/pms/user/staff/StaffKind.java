package com.propcloud.pms.user.staff;

import java.util.Locale;

/** A tenant's employee, or one of the platform's own operators (who log in to tenant {@code platform}). */
public enum StaffKind {
    STAFF,
    OPERATOR;

    /** The value of the access token's {@code kind} claim, fixed by the architecture. */
    public String claim() {
        return name().toLowerCase(Locale.ROOT);
    }
}
