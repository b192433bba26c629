package com.propcloud.pms.user.tenant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/** A customer of the platform (a property-management company), or the platform itself. */
@Entity
@Table(name = "tenant")
class Tenant {

    static final ZoneId DEFAULT_TIME_ZONE = ZoneId.of("Asia/Shanghai");
    static final int MAX_NAME_LENGTH = 200;
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]{1,62}");

    @Id
    private UUID id;

    @Version
    private Long version;

    private String code;
    private String name;

    @Enumerated(EnumType.STRING)
    private TenantStatus status;

    @Column(name = "time_zone")
    private String timeZone;

    private Instant createdAt;

    /** When anything other services copy (name, status, time zone) last changed; orders the copies. */
    private Instant updatedAt;

    protected Tenant() {} // for JPA

    static Tenant register(String code, String name, Instant now) {
        String normalized = normalizeCode(code);
        if (!CODE.matcher(normalized).matches()) {
            throw new IllegalArgumentException("Not a valid tenant code: " + code);
        }
        Tenant tenant = new Tenant();
        tenant.id = UUID.randomUUID();
        tenant.code = normalized;
        tenant.name = requireName(name);
        tenant.status = TenantStatus.ACTIVE;
        tenant.timeZone = DEFAULT_TIME_ZONE.getId();
        tenant.createdAt = now;
        tenant.updatedAt = now;
        return tenant;
    }

    /** Codes are typed by people at the login screen: compare them without case or stray blanks. */
    static String normalizeCode(String code) {
        return code.strip().toLowerCase(Locale.ROOT);
    }

    /** @return whether anything changed */
    boolean rename(String newName, Instant now) {
        String checked = requireName(newName);
        if (checked.equals(name)) {
            return false;
        }
        name = checked;
        return touched(now);
    }

    /** @return whether anything changed */
    boolean changeTimeZone(ZoneId zone, Instant now) {
        String id = Objects.requireNonNull(zone, "zone").getId();
        if (id.equals(timeZone)) {
            return false;
        }
        timeZone = id;
        return touched(now);
    }

    /** A suspended tenant keeps its data, but its people can no longer log in or refresh. */
    boolean changeStatus(TenantStatus newStatus, Instant now) {
        if (Objects.requireNonNull(newStatus, "status") == status) {
            return false;
        }
        status = newStatus;
        return touched(now);
    }

    private boolean touched(Instant now) {
        // never backwards, so that "newer" means the same to every copy even if the clock steps back
        updatedAt = now.isAfter(updatedAt) ? now : updatedAt.plusNanos(1000);
        return true;
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank() || name.strip().length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("A tenant name is 1 to " + MAX_NAME_LENGTH + " characters");
        }
        return name.strip();
    }

    UUID id() {
        return id;
    }

    TenantRef toRef() {
        return new TenantRef(id, code, name, status == TenantStatus.ACTIVE, ZoneId.of(timeZone));
    }

    TenantCreatedV1 toCreatedEvent() {
        return new TenantCreatedV1(id, code, name, status.name(), timeZone, createdAt);
    }

    TenantUpdatedV1 toUpdatedEvent() {
        return new TenantUpdatedV1(id, code, name, status.name(), timeZone, updatedAt);
    }

    TenantView toView() {
        return new TenantView(id, code, name, status.name(), timeZone, createdAt, updatedAt);
    }

    boolean isPlatform() {
        return TenantDirectory.PLATFORM_CODE.equals(code);
    }

    InternalTenantView toInternalView() {
        return new InternalTenantView(id, code, name, status.name(), timeZone, updatedAt);
    }
}
