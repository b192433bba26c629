package com.propcloud.pms.user.staff;

import java.util.List;
import java.util.UUID;

/** What it takes to open a staff account; the password is hashed on arrival and never kept. */
public record NewStaffAccount(
        String username,
        String displayName,
        StaffKind kind,
        List<StaffRole> roles,
        List<UUID> projects,
        List<StaffSkill> skills,
        boolean onDuty,
        String password,
        boolean mustChangePassword) {

    public NewStaffAccount {
        roles = List.copyOf(roles);
        projects = List.copyOf(projects);
        skills = List.copyOf(skills);
    }

    /** An account without scope, skills or duty whose password its owner chose (seeding). */
    public NewStaffAccount(
            String username, String displayName, StaffKind kind, List<StaffRole> roles, String password) {
        this(username, displayName, kind, roles, List.of(), List.of(), false, password, false);
    }

    @Override
    public String toString() {
        // records print every component: keep the password out of logs and exception messages
        return "NewStaffAccount[username=" + username + ", kind=" + kind + ", roles=" + roles + "]";
    }
}
