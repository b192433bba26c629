package com.propcloud.pms.user.staff;

import com.propcloud.pms.common.problem.InvalidParameterException;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The bodies of the staff management API. */
final class StaffRequests {

    static final String USERNAME = "[A-Za-z0-9][A-Za-z0-9._-]{1,63}";
    static final String ROLE = "HQ_ADMIN|PROJECT_MANAGER|FRONT_DESK|TECHNICIAN|FINANCE|SECURITY";
    static final String SKILL = "PLUMBING|ELECTRICAL|ELEVATOR|HVAC|CIVIL|CLEANING|GENERAL";
    static final String ROLE_MESSAGE = "must be one of " + ROLE;
    static final String SKILL_MESSAGE = "must be one of " + SKILL;

    private StaffRequests() {}

    /**
     * A new staff account. Without {@code password} a one-time password is generated and answered
     * once; either way the account must change its password at first use.
     */
    record Create(
            @Schema(example = "tech3")
            @NotBlank
            @Pattern(
                    regexp = USERNAME,
                    message = "must be 2 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit")
            String username,

            @Schema(example = "Li Wei") @NotBlank @Size(max = 200)
            String displayName,

            @Schema(example = "[\"TECHNICIAN\"]") @NotEmpty
            List<@NotNull @Pattern(regexp = ROLE, message = ROLE_MESSAGE) String> roles,

            @Schema(description = "Project ids, for project-scoped roles (not HQ_ADMIN)") @Nullable
            List<@NotNull UUID> projects,

            @Schema(description = "Technicians only") @Nullable
            List<@NotNull @Pattern(regexp = SKILL, message = SKILL_MESSAGE) String> skills,

            @Nullable Boolean onDuty,

            @Schema(format = "password", description = "Initial password; generated when absent")
            @Nullable
            @Size(max = 128)
            String password) {

        @Override
        public String toString() {
            return "Create[username=" + username + ", roles=" + roles + "]";
        }
    }

    /** Changes to an account; absent fields stay as they are. */
    record Change(
            @Nullable @Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank")
            String displayName,

            @Nullable @Size(min = 1) List<@NotNull @Pattern(regexp = ROLE, message = ROLE_MESSAGE) String> roles,
            @Nullable List<@NotNull UUID> projects,
            @Nullable List<@NotNull @Pattern(regexp = SKILL, message = SKILL_MESSAGE) String> skills,
            @Nullable Boolean onDuty) {}

    static List<StaffRole> roles(@Nullable List<String> names) {
        return names == null
                ? List.of()
                : names.stream().map(StaffRole::valueOf).distinct().toList();
    }

    static List<StaffSkill> skills(@Nullable List<String> names) {
        return names == null
                ? List.of()
                : names.stream().map(StaffSkill::valueOf).distinct().toList();
    }

    /** A query parameter naming an enum constant, refused as a validation error if it names none. */
    static <E extends Enum<E>> @Nullable E parameter(
            String parameter, @Nullable String value, Class<E> type, List<E> allowed) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return allowed.stream()
                .filter(e -> e.name().equalsIgnoreCase(value.strip()))
                .findFirst()
                .orElseThrow(() -> new InvalidParameterException(parameter, "can be one of " + allowed));
    }
}
