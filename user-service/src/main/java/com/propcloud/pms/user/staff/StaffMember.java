package com.propcloud.pms.user.staff;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A staff account as other features see it: who the person is, what they may do and where, never
 * the hash.
 *
 * @param projects the project scope; empty for tenant-wide roles, which see every project
 * @param mustChangePassword set while the account still has a password someone else chose
 */
public record StaffMember(
        UUID id,
        UUID tenantId,
        String username,
        String displayName,
        StaffKind kind,
        List<StaffRole> roles,
        List<UUID> projects,
        List<StaffSkill> skills,
        boolean onDuty,
        boolean mustChangePassword,
        StaffStatus status,
        Instant createdAt,
        Instant updatedAt) {

    public StaffMember {
        roles = List.copyOf(roles);
        projects = List.copyOf(projects);
        skills = List.copyOf(skills);
    }

    /** Role names as they appear in tokens and responses. */
    public List<String> roleNames() {
        return roles.stream().map(Enum::name).toList();
    }

    /**
     * Whether the account works within a project scope (its token carries {@code projects}); false
     * when it holds a tenant-wide role such as {@code HQ_ADMIN}.
     */
    public boolean projectScoped() {
        return roles.stream().noneMatch(StaffRole.TENANT_WIDE::contains);
    }
}
