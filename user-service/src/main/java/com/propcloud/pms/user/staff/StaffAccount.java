package com.propcloud.pms.user.staff;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
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

    @Enumerated(EnumType.STRING)
    private StaffStatus status;

    private Instant createdAt;

    protected StaffAccount() {} // for JPA

    static StaffAccount open(UUID tenantId, NewStaffAccount account, PasswordEncoder passwords, Instant now) {
        StaffAccount staff = new StaffAccount();
        staff.id = UUID.randomUUID();
        staff.tenantId = tenantId;
        staff.username = account.username().strip();
        staff.displayName = account.displayName();
        staff.kind = account.kind();
        staff.roles = account.roles().stream().map(Enum::name).toArray(String[]::new);
        staff.passwordHash = passwords.encode(account.password());
        staff.status = StaffStatus.ACTIVE;
        staff.createdAt = now;
        return staff;
    }

    /** True only for an active account whose password matches; always spends one hash comparison. */
    boolean acceptsLogin(String password, PasswordEncoder passwords) {
        boolean matches = passwords.matches(password, passwordHash);
        return matches && status == StaffStatus.ACTIVE;
    }

    boolean isActive() {
        return status == StaffStatus.ACTIVE;
    }

    StaffMember toMember() {
        return new StaffMember(
                id,
                tenantId,
                username,
                displayName,
                kind,
                Arrays.stream(roles).map(StaffRole::valueOf).toList());
    }
}
