package com.propcloud.pms.user.staff;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Someone who logs in to the staff console: a tenant's employee or a platform operator. */
@Entity
@Table(name = "staff_account")
class StaffAccount {

    @Id
    private UUID id;

    @Version
    private Long version;

    private UUID tenantId;
    private String username;
    private String passwordHash;
    private String displayName;

    @Enumerated(EnumType.STRING)
    private StaffKind kind;

    @JdbcTypeCode(SqlTypes.ARRAY)
    private String[] roles;

    @JdbcTypeCode(SqlTypes.ARRAY)
    private UUID[] projects;

    @JdbcTypeCode(SqlTypes.ARRAY)
    private String[] skills;

    private boolean onDuty;
    private boolean mustChangePassword;
    private @Nullable Instant passwordChangedAt;

    @Enumerated(EnumType.STRING)
    private StaffStatus status;

    private Instant createdAt;
    private Instant updatedAt;
    private @Nullable Instant deletedAt;

    protected StaffAccount() {} // for JPA

    static StaffAccount open(UUID tenantId, NewStaffAccount account, PasswordEncoder passwords, Instant now) {
        StaffAccount staff = new StaffAccount();
        staff.id = UUID.randomUUID();
        staff.tenantId = tenantId;
        staff.username = account.username().strip();
        staff.displayName = account.displayName().strip();
        staff.kind = account.kind();
        staff.roles = names(account.roles());
        staff.projects = account.projects().stream().distinct().toArray(UUID[]::new);
        staff.skills = names(account.skills());
        staff.onDuty = account.onDuty();
        staff.passwordHash = passwords.encode(account.password());
        staff.mustChangePassword = account.mustChangePassword();
        staff.status = StaffStatus.ACTIVE;
        staff.createdAt = now;
        staff.updatedAt = now;
        return staff;
    }

    /** True only for an active account whose password matches; always spends one hash comparison. */
    boolean acceptsLogin(String password, PasswordEncoder passwords) {
        boolean matches = passwords.matches(password, passwordHash);
        return matches && status == StaffStatus.ACTIVE;
    }

    boolean passwordMatches(String password, PasswordEncoder passwords) {
        return passwords.matches(password, passwordHash);
    }

    /**
     * Sets a new password. {@code mustChange} marks one chosen by someone else (a one-time password);
     * the time also ends every session begun before it (refresh refuses older tokens).
     */
    void changePassword(String newPassword, boolean mustChange, PasswordEncoder passwords, Instant now) {
        passwordHash = passwords.encode(newPassword);
        mustChangePassword = mustChange;
        passwordChangedAt = now;
        touch(now);
    }

    void rename(String newDisplayName, Instant now) {
        displayName = newDisplayName.strip();
        touch(now);
    }

    void assign(List<StaffRole> newRoles, List<UUID> newProjects, List<StaffSkill> newSkills, Instant now) {
        roles = names(newRoles);
        projects = newProjects.stream().distinct().toArray(UUID[]::new);
        skills = names(newSkills);
        touch(now);
    }

    void changeDuty(boolean duty, Instant now) {
        onDuty = duty;
        touch(now);
    }

    void changeStatus(StaffStatus newStatus, Instant now) {
        status = newStatus;
        if (newStatus == StaffStatus.DELETED) {
            deletedAt = now;
            onDuty = false;
        }
        touch(now);
    }

    private void touch(Instant now) {
        updatedAt = now.isAfter(updatedAt) ? now : updatedAt;
    }

    UUID id() {
        return id;
    }

    String username() {
        return username;
    }

    boolean isActive() {
        return status == StaffStatus.ACTIVE;
    }

    boolean holds(StaffRole role) {
        return Arrays.asList(roles).contains(role.name());
    }

    /** Whether a session that began at {@code issuedAt} predates the last password change. */
    boolean sessionPredatesPassword(Instant issuedAt) {
        return passwordChangedAt != null && issuedAt.isBefore(passwordChangedAt);
    }

    StaffMember toMember() {
        return new StaffMember(
                id,
                tenantId,
                username,
                displayName,
                kind,
                Arrays.stream(roles).map(StaffRole::valueOf).toList(),
                projects == null ? List.of() : List.of(projects),
                skills == null
                        ? List.of()
                        : Arrays.stream(skills).map(StaffSkill::valueOf).toList(),
                onDuty,
                mustChangePassword,
                status,
                createdAt,
                updatedAt);
    }

    private static String[] names(List<? extends Enum<?>> values) {
        return values.stream().distinct().map(Enum::name).toArray(String[]::new);
    }
}
