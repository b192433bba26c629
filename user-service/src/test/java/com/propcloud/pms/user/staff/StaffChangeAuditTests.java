package com.propcloud.pms.user.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StaffChangeAuditTests {

    private static final Instant NOW = Instant.parse("2026-11-21T02:00:00Z");
    private static final UUID PROJECT = UUID.randomUUID();

    private static StaffMember member(
            String name, List<StaffRole> roles, List<UUID> projects, List<StaffSkill> skills, boolean onDuty) {
        return new StaffMember(
                UUID.randomUUID(),
                UUID.randomUUID(),
                "tech",
                name,
                StaffKind.STAFF,
                roles,
                projects,
                skills,
                onDuty,
                false,
                StaffStatus.ACTIVE,
                NOW,
                NOW);
    }

    @Test
    void namesEveryFieldThatChanged() {
        StaffMember before = member("Li", List.of(StaffRole.TECHNICIAN), List.of(), List.of(), false);
        StaffMember after = member(
                "Li Wei",
                List.of(StaffRole.TECHNICIAN, StaffRole.SECURITY),
                List.of(PROJECT),
                List.of(StaffSkill.HVAC),
                true);

        assertThat(StaffAccounts.changedFields(before, after))
                .containsExactly("displayName", "roles", "projects", "skills", "onDuty");
    }

    @Test
    void anUnchangedAccountHasNoChangedFields() {
        StaffMember before =
                member("Li", List.of(StaffRole.TECHNICIAN), List.of(PROJECT), List.of(StaffSkill.HVAC), true);
        StaffMember after =
                member("Li", List.of(StaffRole.TECHNICIAN), List.of(PROJECT), List.of(StaffSkill.HVAC), true);

        assertThat(StaffAccounts.changedFields(before, after)).isEmpty();
    }
}
