package com.propcloud.pms.user.tenant;

import com.propcloud.pms.common.audit.Masking;
import com.propcloud.pms.user.crypto.FieldCipher;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** A customer of the platform (a property-management company), or the platform itself. */
@Entity
@Table(name = "tenant")
class Tenant {

    static final ZoneId DEFAULT_TIME_ZONE = ZoneId.of("Asia/Shanghai");
    static final int MAX_NAME_LENGTH = 200;
    /** Bound into the contact phone's ciphertext (see {@link FieldCipher}). */
    static final String CONTACT_PHONE_PURPOSE = "tenant-contact-phone";

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

    private @Nullable String contactName;

    /** Encrypted ({@link #CONTACT_PHONE_PURPOSE}); shown only masked. */
    private @Nullable String contactPhone;

    private @Nullable String contactEmail;

    /** The plan's limits; null is unlimited. */
    private @Nullable Integer maxProjects;

    private @Nullable Integer maxUnits;

    protected Tenant() {} // for JPA

    static Tenant register(String code, String name, Instant now) {
        return register(code, name, DEFAULT_TIME_ZONE, now);
    }

    static Tenant register(String code, String name, ZoneId zone, Instant now) {
        String normalized = normalizeCode(code);
        if (!CODE.matcher(normalized).matches()) {
            throw new IllegalArgumentException("Not a valid tenant code: " + code);
        }
        Tenant tenant = new Tenant();
        tenant.id = UUID.randomUUID();
        tenant.code = normalized;
        tenant.name = requireName(name);
        tenant.status = TenantStatus.ACTIVE;
        tenant.timeZone = Objects.requireNonNull(zone, "zone").getId();
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

    /**
     * Changes the contact person: a null value leaves that part as it is, an empty one clears it. Not
     * something other services copy, so it neither moves {@code updatedAt} nor publishes an event.
     *
     * @param phone normalised; compared with the stored one in plain text, as ciphertexts always differ
     * @return the names of the parts that changed, for the audit trail
     */
    List<String> changeContact(
            @Nullable String name, @Nullable String phone, @Nullable String email, FieldCipher cipher) {
        List<String> changed = new ArrayList<>();
        if (name != null && !Objects.equals(emptyToNull(name), contactName)) {
            contactName = emptyToNull(name);
            changed.add("contactName");
        }
        if (phone != null && !Objects.equals(emptyToNull(phone), revealPhone(cipher))) {
            contactPhone = phone.isEmpty() ? null : cipher.encrypt(phone, CONTACT_PHONE_PURPOSE);
            changed.add("contactPhone");
        }
        if (email != null && !Objects.equals(emptyToNull(email), contactEmail)) {
            contactEmail = emptyToNull(email);
            changed.add("contactEmail");
        }
        return changed;
    }

    /**
     * Sets the plan's limits (null: unlimited), replacing both. Other services copy them (asset-service
     * enforces them), so a change moves {@code updatedAt}.
     *
     * @return the names of the limits that changed
     */
    List<String> changeLimits(@Nullable Integer projects, @Nullable Integer units, Instant now) {
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(projects, maxProjects)) {
            maxProjects = requireLimit(projects, "maxProjects");
            changed.add("maxProjects");
        }
        if (!Objects.equals(units, maxUnits)) {
            maxUnits = requireLimit(units, "maxUnits");
            changed.add("maxUnits");
        }
        if (!changed.isEmpty()) {
            touched(now);
        }
        return changed;
    }

    /** Re-encrypts the contact phone if an older encryption key wrote it; whether it did. */
    boolean rotateContactPhone(FieldCipher cipher) {
        if (contactPhone == null || !cipher.needsRotation(contactPhone)) {
            return false;
        }
        contactPhone = cipher.encrypt(cipher.decrypt(contactPhone, CONTACT_PHONE_PURPOSE), CONTACT_PHONE_PURPOSE);
        return true;
    }

    private @Nullable String revealPhone(FieldCipher cipher) {
        return contactPhone == null ? null : cipher.decrypt(contactPhone, CONTACT_PHONE_PURPOSE);
    }

    private static @Nullable Integer requireLimit(@Nullable Integer limit, String what) {
        if (limit != null && limit < 1) {
            throw new IllegalArgumentException(what + " is at least 1 (or absent: unlimited)");
        }
        return limit;
    }

    private static @Nullable String emptyToNull(String value) {
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
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
        return new TenantCreatedV1(id, code, name, status.name(), timeZone, maxProjects, maxUnits, createdAt);
    }

    TenantUpdatedV1 toUpdatedEvent() {
        return new TenantUpdatedV1(id, code, name, status.name(), timeZone, maxProjects, maxUnits, updatedAt);
    }

    /** As operators see it: the contact phone masked, never in full. */
    TenantView toView(FieldCipher cipher) {
        return new TenantView(
                id,
                code,
                name,
                status.name(),
                timeZone,
                contactName,
                Masking.phone(revealPhone(cipher)),
                contactEmail,
                new TenantView.Limits(maxProjects, maxUnits),
                createdAt,
                updatedAt);
    }

    String code() {
        return code;
    }

    TenantStatus status() {
        return status;
    }

    boolean isPlatform() {
        return TenantDirectory.PLATFORM_CODE.equals(code);
    }

    InternalTenantView toInternalView() {
        return new InternalTenantView(id, code, name, status.name(), timeZone, maxProjects, maxUnits, updatedAt);
    }
}
