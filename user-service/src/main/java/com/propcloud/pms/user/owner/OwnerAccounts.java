package com.propcloud.pms.user.owner;

import com.propcloud.pms.common.audit.AuditEvent;
import com.propcloud.pms.common.audit.AuditLog;
import com.propcloud.pms.common.audit.RequestOrigin;
import com.propcloud.pms.common.messaging.outbox.Outbox;
import com.propcloud.pms.common.pii.IdNumbers;
import com.propcloud.pms.common.pii.Phones;
import com.propcloud.pms.common.problem.BusinessRuleViolation;
import com.propcloud.pms.common.problem.InvalidParameterException;
import com.propcloud.pms.common.problem.NotFoundException;
import com.propcloud.pms.common.tenant.TenantContext;
import com.propcloud.pms.user.pii.PersonalData;
import com.propcloud.pms.user.pii.ProtectedValue;
import com.propcloud.pms.user.staff.PasswordPolicy;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Owners and residents of the current tenant ({@link TenantContext}); row-level security hides every
 * other tenant's, so another tenant's id is simply not found. Every change publishes the person's
 * shareable state (masked) through the outbox in the same transaction.
 */
@Service
public class OwnerAccounts {

    static final String PHONE_TAKEN = "owner.phone-taken";
    static final String WRONG_CURRENT_PASSWORD = "auth.wrong-current-password";
    private static final String OWNER = "Owner";

    private final OwnerAccountRepository accounts;
    private final PersonalData personalData;
    private final PasswordEncoder passwords;
    private final Outbox outbox;
    private final AuditLog audit;
    private final Clock clock;
    /** Compared against when there is no account or no password, so timing reveals neither. */
    private final String decoyHash;

    OwnerAccounts(
            OwnerAccountRepository accounts,
            PersonalData personalData,
            PasswordEncoder passwords,
            Outbox outbox,
            AuditLog audit,
            Clock clock) {
        this.accounts = accounts;
        this.personalData = personalData;
        this.passwords = passwords;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
        this.decoyHash = passwords.encode(UUID.randomUUID().toString());
    }

    /** A new person as the front desk (or an import) enters them; numbers in any usual notation. */
    public record NewOwner(
            String displayName,
            OwnerCategory category,
            String phone,
            @Nullable String idNumber) {
        @Override
        public String toString() {
            return "NewOwner[displayName=" + displayName + ", category=" + category + "]";
        }
    }

    /** What staff may change; a null component stays as it is, {@code removeIdNumber} clears it. */
    public record Changes(
            @Nullable String displayName,
            @Nullable OwnerCategory category,
            @Nullable String phone,
            @Nullable String idNumber,
            boolean removeIdNumber) {
        @Override
        public String toString() {
            return "Changes[displayName=" + displayName + ", category=" + category + "]";
        }
    }

    @Transactional
    public OwnerMember open(NewOwner owner) {
        UUID tenantId = TenantContext.require();
        String phone = requirePhone("phone", owner.phone());
        ProtectedValue idNumber = protectIdNumber(owner);
        if (accounts.findByPhoneHash(tenantId, personalData.phoneKey(phone)).isPresent()) {
            throw phoneTaken();
        }
        return create(UUID.randomUUID(), tenantId, owner, phone, idNumber).toMember();
    }

    /**
     * Opens the person with this password unless one with this phone exists (then returns that one,
     * unchanged, password included): for seeding and imports that may run again.
     */
    @Transactional
    public OwnerMember openIfAbsent(NewOwner owner, @Nullable String password) {
        return openIfAbsent(UUID.randomUUID(), owner, password);
    }

    /**
     * As {@link #openIfAbsent(NewOwner, String)}, a new person getting {@code id}: the demo seed derives
     * its people's ids so that asset-service's seed can make them occupants without asking.
     */
    @Transactional
    public OwnerMember openIfAbsent(UUID id, NewOwner owner, @Nullable String password) {
        UUID tenantId = TenantContext.require();
        String phone = requirePhone("phone", owner.phone());
        Optional<OwnerAccount> existing = accounts.findByPhoneHash(tenantId, personalData.phoneKey(phone));
        if (existing.isPresent()) {
            return existing.get().toMember();
        }
        OwnerAccount account = create(id, tenantId, owner, phone, protectIdNumber(owner));
        if (password != null) {
            account.changePassword(password, passwords, clock.instant());
        }
        return account.toMember();
    }

    /** Inserts the person (the phone already known to be free), publishes and audits it. */
    private OwnerAccount create(
            UUID id, UUID tenantId, NewOwner owner, String phone, @Nullable ProtectedValue idNumber) {
        OwnerAccount account = OwnerAccount.open(
                id,
                tenantId,
                owner.displayName(),
                owner.category(),
                personalData.protectPhone(phone),
                idNumber,
                clock.instant());
        try {
            accounts.saveAndFlush(account);
        } catch (DataIntegrityViolationException raced) {
            throw phoneTaken();
        }
        OwnerMember member = account.toMember();
        publish(OwnerChangedV1.CREATED, member);
        audit.recordAfterCommit(AuditEvent.builder("owner.created")
                .byCurrentUser()
                .target("owner", member.id())
                .detail("category", member.category())
                .build());
        return account;
    }

    /** The tenant's owners; {@code phone} finds by exact number (through its keyed hash), {@code name} by part. */
    @Transactional(readOnly = true)
    public Page<OwnerMember> list(
            @Nullable String phone,
            @Nullable String name,
            @Nullable OwnerCategory category,
            @Nullable OwnerStatus status,
            Pageable page) {
        String phoneKey = phone == null ? null : personalData.phoneKey(requirePhone("phone", phone));
        String namePart = name == null || name.isBlank() ? null : likeLiteral(name.strip());
        return accounts.search(
                        TenantContext.require(),
                        phoneKey,
                        namePart,
                        category == null ? null : category.name(),
                        status == null ? null : status.name(),
                        page)
                .map(OwnerAccount::toMember);
    }

    @Transactional(readOnly = true)
    public OwnerMember get(UUID id) {
        return living(id).toMember();
    }

    /** The living owner with this id in the current tenant, for the caller's own account. */
    @Transactional(readOnly = true)
    public Optional<OwnerMember> find(UUID id) {
        return accounts.findLiving(id, TenantContext.require()).map(OwnerAccount::toMember);
    }

    @Transactional
    public OwnerMember change(UUID id, Changes changes) {
        OwnerAccount account = living(id);
        Instant now = clock.instant();
        if (changes.displayName() != null) {
            account.rename(changes.displayName(), now);
        }
        if (changes.category() != null) {
            account.recategorise(changes.category(), now);
        }
        if (changes.phone() != null) {
            String phone = requirePhone("phone", changes.phone());
            String phoneKey = personalData.phoneKey(phone);
            if (!phoneKey.equals(account.phoneHash())) {
                if (accounts.findByPhoneHash(TenantContext.require(), phoneKey).isPresent()) {
                    throw phoneTaken();
                }
                account.changePhone(personalData.protectPhone(phone), now);
            }
        }
        if (changes.removeIdNumber()) {
            account.changeIdNumber(null, now);
        } else if (changes.idNumber() != null) {
            account.changeIdNumber(protectIdNumber(changes.idNumber()), now);
        }
        try {
            accounts.saveAndFlush(account);
        } catch (DataIntegrityViolationException raced) {
            throw phoneTaken();
        }
        return updated(account, "owner.updated");
    }

    @Transactional
    public OwnerMember changeStatus(UUID id, OwnerStatus status) {
        OwnerAccount account = living(id);
        account.changeStatus(status, clock.instant());
        return updated(account, "owner." + status.name().toLowerCase(Locale.ROOT));
    }

    /** See {@link OwnerAccount#forgetPassword}; audited as {@code owner.password-reset-forced}. */
    @Transactional
    public OwnerMember forcePasswordReset(UUID id) {
        OwnerAccount account = living(id);
        account.forgetPassword(clock.instant());
        OwnerMember member = account.toMember();
        audit.recordAfterCommit(AuditEvent.builder("owner.password-reset-forced")
                .byCurrentUser()
                .target("owner", id)
                .build());
        return member;
    }

    /**
     * The full phone or ID number of one person, for staff whose role allows it; recorded in the audit
     * trail with who asked and from where. Absent when the person has no ID number on file.
     */
    @Transactional(readOnly = true)
    public Optional<String> reveal(UUID id, PersonalField field) {
        OwnerAccount account = living(id);
        Optional<String> value = field == PersonalField.PHONE
                ? Optional.of(personalData.revealPhone(account.phoneCipher()))
                : Optional.ofNullable(account.idNumberCipher()).map(personalData::revealIdNumber);
        audit.record(AuditEvent.builder("pii.revealed")
                .byCurrentUser()
                .origin(RequestOrigin.current())
                .target("owner", id)
                .detail("field", field)
                .detail("found", value.isPresent())
                .build());
        return value;
    }

    // --- for login, SMS codes and password resets (the tenant is set by the caller) ---

    /** The keyed hash of a phone number as typed, or empty if it is not a mobile number. */
    public Optional<String> phoneKey(String phone) {
        return Phones.normalise(phone).map(personalData::phoneKey);
    }

    /** The active owner with this phone and password; as slow when there is none as for a wrong password. */
    @Transactional(readOnly = true)
    public Optional<OwnerMember> authenticate(String phone, String password) {
        Optional<OwnerAccount> account = activeByPhone(phone);
        if (account.isEmpty()) {
            spendPasswordCheck(password);
            return Optional.empty();
        }
        return account.filter(a -> a.acceptsPassword(password, passwords, decoyHash))
                .map(OwnerAccount::toMember);
    }

    public void spendPasswordCheck(String password) {
        passwords.matches(password, decoyHash);
    }

    @Transactional(readOnly = true)
    public Optional<OwnerMember> findActiveByPhone(String phone) {
        return activeByPhone(phone).map(OwnerAccount::toMember);
    }

    /** The active owner, unless their password changed since {@code sessionStart} (the session ends). */
    @Transactional(readOnly = true)
    public Optional<OwnerMember> findActiveSince(UUID id, Instant sessionStart) {
        return accounts.findLiving(id, TenantContext.require())
                .filter(OwnerAccount::isActive)
                .filter(account -> !account.sessionPredatesPassword(sessionStart))
                .map(OwnerAccount::toMember);
    }

    /** Sets a new password after a verified reset code; every earlier session ends. */
    @Transactional
    public void resetPassword(UUID id, String newPassword) {
        OwnerAccount account = accounts.findLiving(id, TenantContext.require())
                .filter(OwnerAccount::isActive)
                .orElseThrow(() -> new NotFoundException(OWNER, id));
        requireAcceptable(account, newPassword);
        account.changePassword(newPassword, passwords, clock.instant());
    }

    /**
     * The owner changes their password; {@code currentPassword} is needed once one is set (an owner who
     * so far logged in only by SMS code sets their first one without).
     */
    @Transactional
    public void changeOwnPassword(UUID id, @Nullable String currentPassword, String newPassword) {
        OwnerAccount account = accounts.findLiving(id, TenantContext.require())
                .filter(OwnerAccount::isActive)
                .orElseThrow(() -> new NotFoundException("Account", id));
        if (account.toMember().hasPassword()
                && (currentPassword == null || !account.passwordMatches(currentPassword, passwords))) {
            throw new BusinessRuleViolation(
                    WRONG_CURRENT_PASSWORD, HttpStatus.BAD_REQUEST, "The current password is not correct");
        }
        requireAcceptable(account, newPassword);
        if (account.passwordMatches(newPassword, passwords)) {
            throw new InvalidParameterException("newPassword", "must differ from the current password");
        }
        account.changePassword(newPassword, passwords, clock.instant());
    }

    private void requireAcceptable(OwnerAccount account, String newPassword) {
        // the phone plays the username's part: a password must not contain it
        String phone = personalData.revealPhone(account.phoneCipher());
        List<String> violations = PasswordPolicy.violations(phone, newPassword);
        if (!violations.isEmpty()) {
            throw new InvalidParameterException("newPassword", String.join("; ", violations));
        }
    }

    private Optional<OwnerAccount> activeByPhone(String phone) {
        return Phones.normalise(phone)
                .flatMap(normal -> accounts.findByPhoneHash(TenantContext.require(), personalData.phoneKey(normal)))
                .filter(OwnerAccount::isActive);
    }

    private OwnerMember updated(OwnerAccount account, String action) {
        OwnerMember member = account.toMember();
        publish(OwnerChangedV1.UPDATED, member);
        audit.recordAfterCommit(AuditEvent.builder(action)
                .byCurrentUser()
                .target("owner", member.id())
                .build());
        return member;
    }

    private void publish(String type, OwnerMember member) {
        outbox.append(type, member.id(), null, OwnerChangedV1.of(member), OwnerChangedV1.VERSION);
    }

    private OwnerAccount living(UUID id) {
        return accounts.findLiving(id, TenantContext.require()).orElseThrow(() -> new NotFoundException(OWNER, id));
    }

    private @Nullable ProtectedValue protectIdNumber(NewOwner owner) {
        return owner.idNumber() == null ? null : protectIdNumber(owner.idNumber());
    }

    private ProtectedValue protectIdNumber(String idNumber) {
        return personalData.protectIdNumber(IdNumbers.normalise(idNumber)
                .orElseThrow(() -> new InvalidParameterException(
                        "idNumber", "must be an 18-character resident ID number with a valid check character")));
    }

    private static String requirePhone(String field, String phone) {
        return Phones.normalise(phone)
                .orElseThrow(() -> new InvalidParameterException(field, "must be a mainland mobile number"));
    }

    private static BusinessRuleViolation phoneTaken() {
        return new BusinessRuleViolation(
                PHONE_TAKEN, HttpStatus.CONFLICT, "Another owner of this tenant has this phone number");
    }

    /** The name as a literal inside an ILIKE pattern: its own % and _ match only themselves. */
    private static String likeLiteral(String name) {
        return name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
