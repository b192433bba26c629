package com.propcloud.pms.user.staff;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A staff account as the management API shows it. {@code oneTimePassword} appears once, in the
 * answer to the call that generated it, and never again.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record StaffResponse(
        UUID id,
        String username,
        String displayName,
        List<String> roles,
        List<UUID> projects,
        List<String> skills,
        boolean onDuty,
        String status,
        boolean mustChangePassword,
        Instant createdAt,
        Instant updatedAt,
        @Nullable String oneTimePassword) {

    static StaffResponse of(StaffMember member) {
        return of(member, null);
    }

    static StaffResponse of(StaffMember member, @Nullable String oneTimePassword) {
        return new StaffResponse(
                member.id(),
                member.username(),
                member.displayName(),
                member.roleNames(),
                member.projects(),
                member.skills().stream().map(Enum::name).toList(),
                member.onDuty(),
                member.status().name(),
                member.mustChangePassword(),
                member.createdAt(),
                member.updatedAt(),
                oneTimePassword);
    }

    @Override
    public String toString() {
        return "StaffResponse[id=" + id + ", username=" + username + "]";
    }
}
