package com.propcloud.pms.user.auth;

import com.propcloud.pms.user.owner.OwnerMember;
import com.propcloud.pms.user.staff.StaffMember;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Whoever a token is issued to, staff or owner, in the claims' terms.
 *
 * @param projects the project scope, or null for tenant-wide access (no {@code projects} claim)
 * @param mustChangePassword the client must have a password set or replaced before anything else
 */
record TokenSubject(
        UUID id,
        String kind,
        List<String> roles,
        @Nullable List<UUID> projects,
        boolean mustChangePassword,
        String displayName) {

    static final String OWNER_KIND = "owner";
    static final String OWNER_ROLE = "OWNER";

    static TokenSubject of(StaffMember member) {
        return new TokenSubject(
                member.id(),
                member.kind().claim(),
                member.roleNames(),
                member.projectScoped() ? member.projects() : null,
                member.mustChangePassword(),
                member.displayName());
    }

    /** An owner's scope is their own objects (by {@code sub}), never a project list. */
    static TokenSubject of(OwnerMember owner) {
        return new TokenSubject(
                owner.id(),
                OWNER_KIND,
                List.of(OWNER_ROLE),
                null,
                owner.mustChangePassword() || !owner.hasPassword(),
                owner.displayName());
    }
}
