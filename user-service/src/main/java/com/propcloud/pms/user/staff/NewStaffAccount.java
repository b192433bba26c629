package com.propcloud.pms.user.staff;

import java.util.List;

/** What it takes to open a staff account; the password is hashed on arrival and never kept. */
public record NewStaffAccount(
        String username, String displayName, StaffKind kind, List<StaffRole> roles, String password) {

    public NewStaffAccount {
        roles = List.copyOf(roles);
    }

    @Override
    public String toString() {
        // records print every component: keep the password out of logs and exception messages
        return "NewStaffAccount[username=" + username + ", kind=" + kind + ", roles=" + roles + "]";
    }
}
