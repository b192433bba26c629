package com.propcloud.pms.user.staff;

import java.util.List;
import java.util.UUID;

/** A staff account as other features see it: who the person is and what they may do, never the hash. */
public record StaffMember(
        UUID id, UUID tenantId, String username, String displayName, StaffKind kind, List<StaffRole> roles) {

    public StaffMember {
        roles = List.copyOf(roles);
    }

    /** Role names as they appear in tokens and responses. */
    public List<String> roleNames() {
        return roles.stream().map(Enum::name).toList();
    }
}
