package com.propcloud.pms.user.owner;

import com.propcloud.pms.user.pii.ProtectedValue;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;

/** An owner, resident or commercial tenant who logs in to the owners' app with their phone. */
@Entity
@Table(name = "owner_account")
class OwnerAccount {

    @Id
    private UUID id;

    @Version
    private Long version;

    private UUID tenantId;
    private String displayName;

    @Enumerated(EnumType.STRING)
    private OwnerCategory category;

    private String phoneCipher;
    private String phoneHash;
    private String phoneMasked;
    private @Nullable String idNumberCipher;
    private @Nullable String idNumberHash;
    private @Nullable String idNumberMasked;
    private @Nullable String passwordHash;
    private boolean mustChangePassword;
    private @Nullable Instant passwordChangedAt;

    @Enumerated(EnumType.STRING)
    private OwnerStatus status;

    private Instant createdAt;
    private Instant updatedAt;
    private @Nullable Instant deletedAt;

    protected OwnerAccount() {} // for JPA

    static OwnerAccount open(
            UUID id,
            UUID tenantId,
            String displayName,
            OwnerCategory category,
            ProtectedValue phone,
            @Nullable ProtectedValue idNumber,
            Instant now) {
        OwnerAccount owner = new OwnerAccount();
        owner.id = id;
        owner.tenantId = tenantId;
        owner.displayName = displayName.strip();
        owner.category = category;
        owner.changePhone(phone);
        owner.changeIdNumber(idNumber);
        owner.status = OwnerStatus.ACTIVE;
        owner.createdAt = now;
        owner.updatedAt = now;
        return owner;
    }

    /** False without a password (SMS login only so far) or for an inactive account; always spends one hash. */
    boolean acceptsPassword(String password, PasswordEncoder passwords, String decoyHash) {
        boolean matches = passwords.matches(password, passwordHash == null ? decoyHash : passwordHash);
        return matches && passwordHash != null && status == OwnerStatus.ACTIVE;
    }

    boolean passwordMatches(String password, PasswordEncoder passwords) {
        return passwordHash != null && passwords.matches(password, passwordHash);
    }

    /** Sets a password; the time ends every session begun before it (refresh refuses older tokens). */
    void changePassword(String newPassword, PasswordEncoder passwords, Instant now) {
        passwordHash = passwords.encode(newPassword);
        mustChangePassword = false;
        passwordChangedAt = now;
        touch(now);
    }

    /**
     * Forgets the password and ends every session: the owner signs in by SMS code next and sets a new
     * one (an HQ admin's forced reset, e.g. after a lost phone or a suspected break-in).
     */
    void forgetPassword(Instant now) {
        passwordHash = null;
        mustChangePassword = true;
        passwordChangedAt = now;
        touch(now);
    }

    void rename(String newDisplayName, Instant now) {
        displayName = newDisplayName.strip();
        touch(now);
    }

    void recategorise(OwnerCategory newCategory, Instant now) {
        category = newCategory;
        touch(now);
    }

    void changePhone(ProtectedValue phone, Instant now) {
        changePhone(phone);
        touch(now);
    }

    void changeIdNumber(@Nullable ProtectedValue idNumber, Instant now) {
        changeIdNumber(idNumber);
        touch(now);
    }

    void changeStatus(OwnerStatus newStatus, Instant now) {
        status = newStatus;
        if (newStatus == OwnerStatus.DELETED) {
            deletedAt = now;
        }
        touch(now);
    }

    /** Re-encrypts under the current key; the hashes and masks do not change. */
    void reencrypt(String newPhoneCipher, @Nullable String newIdNumberCipher) {
        phoneCipher = newPhoneCipher;
        idNumberCipher = newIdNumberCipher;
    }

    private void changePhone(ProtectedValue phone) {
        phoneCipher = phone.ciphertext();
        phoneHash = phone.searchHash();
        phoneMasked = phone.masked();
    }

    private void changeIdNumber(@Nullable ProtectedValue idNumber) {
        idNumberCipher = idNumber == null ? null : idNumber.ciphertext();
        idNumberHash = idNumber == null ? null : idNumber.searchHash();
        idNumberMasked = idNumber == null ? null : idNumber.masked();
    }

    private void touch(Instant now) {
        updatedAt = now.isAfter(updatedAt) ? now : updatedAt;
    }

    UUID id() {
        return id;
    }

    String phoneCipher() {
        return phoneCipher;
    }

    String phoneHash() {
        return phoneHash;
    }

    @Nullable
    String idNumberCipher() {
        return idNumberCipher;
    }

    @Nullable
    String idNumberHash() {
        return idNumberHash;
    }

    boolean isActive() {
        return status == OwnerStatus.ACTIVE;
    }

    /** Whether a session that began at {@code issuedAt} predates the last password change. */
    boolean sessionPredatesPassword(Instant issuedAt) {
        return passwordChangedAt != null && issuedAt.isBefore(passwordChangedAt);
    }

    long version() {
        return version == null ? 0 : version;
    }

    OwnerMember toMember() {
        return new OwnerMember(
                id,
                tenantId,
                displayName,
                category,
                phoneMasked,
                idNumberMasked,
                status,
                passwordHash != null,
                mustChangePassword,
                createdAt,
                updatedAt);
    }
}
