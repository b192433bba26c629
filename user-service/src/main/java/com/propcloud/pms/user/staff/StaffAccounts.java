package com.propcloud.pms.user.staff;

import com.propcloud.pms.common.audit.AuditEvent;
import com.propcloud.pms.common.audit.AuditLog;
import com.propcloud.pms.common.problem.BusinessRuleViolation;
import com.propcloud.pms.common.problem.InvalidParameterException;
import com.propcloud.pms.common.problem.NotFoundException;
import com.propcloud.pms.common.tenant.TenantContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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
 * Staff accounts of the current tenant ({@link TenantContext}): every method works inside the tenant
 * set by the caller, and row-level security hides every other tenant's accounts, so another tenant's
 * id is simply not found.
 *
 * <p>What an HQ admin does to an account through the management API lands in the audit trail ({@code
 * staff.created}, {@code staff.updated}, {@code staff.disabled}, {@code staff.enabled}, {@code
 * staff.deleted}, {@code staff.password-reset-forced}) once the change has committed; never a password.
 */
@Service
public class StaffAccounts {

    static final String USERNAME_TAKEN = "staff.username-taken";
    static final String LAST_ADMIN = "staff.last-admin";
    static final String SELF_CHANGE = "staff.self-change";
    static final String WRONG_CURRENT_PASSWORD = "auth.wrong-current-password";

    private static final String ACCOUNT = "Staff account";
    private static final String STAFF = "staff";

    private final StaffAccountRepository accounts;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final Clock clock;
    /** Compared against when there is no account, so a miss costs as much time as a wrong password. */
    private final String decoyHash;

    StaffAccounts(StaffAccountRepository accounts, PasswordEncoder passwords, AuditLog audit, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
        this.decoyHash = passwords.encode(UUID.randomUUID().toString());
    }

    /** A new account and, if the system chose its password, that password's only plain-text copy. */
    public record Opened(StaffMember member, @Nullable String oneTimePassword) {
        @Override
        public String toString() {
            return "Opened[member=" + member + "]";
        }
    }

    /** What an admin may change on an account; a null component stays as it is. */
    public record Changes(
            @Nullable String displayName,
            @Nullable List<StaffRole> roles,
            @Nullable List<UUID> projects,
            @Nullable List<StaffSkill> skills,
            @Nullable Boolean onDuty) {}

    /**
     * The active account of the current tenant with this username and password. Takes as long when
     * the account does not exist as when the password is wrong, so timing reveals no usernames.
     */
    @Transactional(readOnly = true)
    public Optional<StaffMember> authenticate(String username, String password) {
        Optional<StaffAccount> account = accounts.findByUsername(TenantContext.require(), username.strip());
        if (account.isEmpty()) {
            spendPasswordCheck(password);
            return Optional.empty();
        }
        return account.filter(a -> a.acceptsLogin(password, passwords)).map(StaffAccount::toMember);
    }

    /** Burns one password comparison, for logins refused before an account was looked up. */
    public void spendPasswordCheck(String password) {
        passwords.matches(password, decoyHash);
    }

    @Transactional(readOnly = true)
    public Optional<StaffMember> find(UUID id) {
        return accounts.findByIdAndTenantId(id, TenantContext.require()).map(StaffAccount::toMember);
    }

    /** The account if it may still hold tokens (refresh checks it on every rotation). */
    @Transactional(readOnly = true)
    public Optional<StaffMember> findActive(UUID id) {
        return accounts.findByIdAndTenantId(id, TenantContext.require())
                .filter(StaffAccount::isActive)
                .map(StaffAccount::toMember);
    }

    /**
     * The account if a session that began at {@code sessionStart} may continue: active, and its
     * password not changed (or reset) since.
     */
    @Transactional(readOnly = true)
    public Optional<StaffMember> findActiveSince(UUID id, Instant sessionStart) {
        return accounts.findByIdAndTenantId(id, TenantContext.require())
                .filter(StaffAccount::isActive)
                .filter(account -> !account.sessionPredatesPassword(sessionStart))
                .map(StaffAccount::toMember);
    }

    /** Returns the current tenant's account with this username, opening it first if there is none. */
    @Transactional
    public StaffMember openIfAbsent(NewStaffAccount account) {
        UUID tenantId = TenantContext.require();
        return accounts.findByUsername(tenantId, account.username().strip())
                .orElseGet(() -> accounts.save(StaffAccount.open(tenantId, account, passwords, clock.instant())))
                .toMember();
    }

    /**
     * Opens an account for the tenant's staff. Without a password one is generated; either way the
     * account must change it at first use, since someone other than its owner knows it.
     */
    @Transactional
    public Opened open(
            String username,
            String displayName,
            List<StaffRole> roles,
            List<UUID> projects,
            List<StaffSkill> skills,
            boolean onDuty,
            @Nullable String password) {
        UUID tenantId = TenantContext.require();
        checkAssignment(roles, projects, skills);
        String oneTimePassword = null;
        if (password == null) {
            oneTimePassword = PasswordPolicy.generate(username);
        } else {
            requireAcceptable("password", username, password);
        }
        if (accounts.findByUsername(tenantId, username.strip()).isPresent()) {
            throw usernameTaken();
        }
        NewStaffAccount account = new NewStaffAccount(
                username,
                displayName,
                StaffKind.STAFF,
                roles,
                projects,
                skills,
                onDuty,
                password == null ? oneTimePassword : password,
                true);
        try {
            StaffAccount saved =
                    accounts.saveAndFlush(StaffAccount.open(tenantId, account, passwords, clock.instant()));
            StaffMember member = saved.toMember();
            record(AuditEvent.builder("staff.created")
                    .byCurrentUser()
                    .target(STAFF, member.id())
                    .detail("username", member.username())
                    .detail("roles", member.roleNames())
                    .detail("projects", member.projects().size())
                    .detail("skills", member.skills())
                    .detail("onDuty", member.onDuty()));
            return new Opened(member, oneTimePassword);
        } catch (DataIntegrityViolationException raced) {
            throw usernameTaken();
        }
    }

    /** The tenant's staff, each filter applying only when given; the page's sort names columns. */
    @Transactional(readOnly = true)
    public Page<StaffMember> list(
            @Nullable StaffRole role, @Nullable StaffStatus status, @Nullable StaffSkill skill, Pageable page) {
        return accounts.search(
                        TenantContext.require(),
                        role == null ? null : role.name(),
                        status == null ? null : status.name(),
                        skill == null ? null : skill.name(),
                        page)
                .map(StaffAccount::toMember);
    }

    /** Only tenant staff are managed here: a platform operator is as unknown as a missing id. */
    @Transactional(readOnly = true)
    public StaffMember get(UUID id) {
        return toManage(id).toMember();
    }

    @Transactional
    public StaffMember change(UUID id, Changes changes) {
        lockTenantStaff();
        StaffAccount account = toManage(id);
        StaffMember current = account.toMember();
        Instant now = clock.instant();
        if (changes.displayName() != null) {
            account.rename(changes.displayName(), now);
        }
        if (changes.roles() != null || changes.projects() != null || changes.skills() != null) {
            List<StaffRole> roles = changes.roles() == null ? current.roles() : changes.roles();
            List<UUID> projects = changes.projects() == null ? current.projects() : changes.projects();
            List<StaffSkill> skills = changes.skills() == null ? current.skills() : changes.skills();
            checkAssignment(roles, projects, skills);
            if (current.roles().contains(StaffRole.HQ_ADMIN)
                    && !roles.contains(StaffRole.HQ_ADMIN)
                    && current.status() == StaffStatus.ACTIVE) {
                requireAnotherAdmin(account);
            }
            account.assign(roles, projects, skills, now);
        }
        if (changes.onDuty() != null) {
            account.changeDuty(changes.onDuty(), now);
        }
        StaffMember after = account.toMember();
        List<String> fields = changedFields(current, after);
        if (!fields.isEmpty()) {
            AuditEvent.Builder event = AuditEvent.builder("staff.updated")
                    .byCurrentUser()
                    .target(STAFF, id)
                    .detail("username", after.username())
                    .detail("fields", String.join(",", fields));
            if (fields.contains("roles")) {
                event.detail("rolesBefore", current.roleNames()).detail("rolesAfter", after.roleNames());
            }
            record(event);
        }
        return after;
    }

    /** Which of what an admin may change differs; the audit trail names them, not their values. */
    static List<String> changedFields(StaffMember before, StaffMember after) {
        List<String> fields = new ArrayList<>();
        if (!before.displayName().equals(after.displayName())) {
            fields.add("displayName");
        }
        if (!before.roles().equals(after.roles())) {
            fields.add("roles");
        }
        if (!Objects.equals(Set.copyOf(before.projects()), Set.copyOf(after.projects()))) {
            fields.add("projects");
        }
        if (!Set.copyOf(before.skills()).equals(Set.copyOf(after.skills()))) {
            fields.add("skills");
        }
        if (before.onDuty() != after.onDuty()) {
            fields.add("onDuty");
        }
        return fields;
    }

    @Transactional
    public StaffMember disable(UUID id, UUID actor) {
        return retire(id, actor, StaffStatus.DISABLED);
    }

    @Transactional
    public StaffMember enable(UUID id) {
        StaffAccount account = toManage(id);
        if (!account.isActive()) {
            account.changeStatus(StaffStatus.ACTIVE, clock.instant());
            record(AuditEvent.builder("staff.enabled")
                    .byCurrentUser()
                    .target(STAFF, id)
                    .detail("username", account.username()));
        }
        return account.toMember();
    }

    /** Soft delete: the row stays as history, the username is free for a new account. */
    @Transactional
    public void delete(UUID id, UUID actor) {
        retire(id, actor, StaffStatus.DELETED);
    }

    /**
     * Replaces the password with a generated one-time password the account must change at its next
     * login, and ends its sessions (refresh refuses tokens from before). Returns the password.
     */
    @Transactional
    public String forcePasswordReset(UUID id) {
        StaffAccount account = toManage(id);
        String oneTimePassword = PasswordPolicy.generate(account.username());
        account.changePassword(oneTimePassword, true, passwords, clock.instant());
        record(AuditEvent.builder("staff.password-reset-forced")
                .byCurrentUser()
                .target(STAFF, id)
                .detail("username", account.username()));
        return oneTimePassword;
    }

    /**
     * The account's owner changes their password. Sessions begun before end at their next refresh
     * (this one included), so the new password is needed from then on.
     */
    @Transactional
    public void changeOwnPassword(UUID id, String currentPassword, String newPassword) {
        StaffAccount account = accounts.findByIdAndTenantId(id, TenantContext.require())
                .filter(StaffAccount::isActive)
                .orElseThrow(() -> new NotFoundException("Account", id));
        if (!account.passwordMatches(currentPassword, passwords)) {
            throw new BusinessRuleViolation(
                    WRONG_CURRENT_PASSWORD, HttpStatus.BAD_REQUEST, "The current password is not correct");
        }
        requireAcceptable("newPassword", account.username(), newPassword);
        if (account.passwordMatches(newPassword, passwords)) {
            throw new InvalidParameterException("newPassword", "must differ from the current password");
        }
        account.changePassword(newPassword, false, passwords, clock.instant());
    }

    private StaffMember retire(UUID id, UUID actor, StaffStatus status) {
        lockTenantStaff();
        StaffAccount account = toManage(id);
        if (account.id().equals(actor)) {
            throw new BusinessRuleViolation(
                    SELF_CHANGE, "You cannot disable or delete your own account; ask another HQ admin");
        }
        if (account.isActive() && account.holds(StaffRole.HQ_ADMIN)) {
            requireAnotherAdmin(account);
        }
        StaffStatus before = account.toMember().status();
        account.changeStatus(status, clock.instant());
        if (before != status) {
            record(AuditEvent.builder(status == StaffStatus.DELETED ? "staff.deleted" : "staff.disabled")
                    .byCurrentUser()
                    .target(STAFF, id)
                    .detail("username", account.username()));
        }
        return account.toMember();
    }

    private void record(AuditEvent.Builder event) {
        audit.recordAfterCommit(event.build());
    }

    private StaffAccount toManage(UUID id) {
        return accounts.findByIdAndTenantId(id, TenantContext.require())
                .filter(account -> account.toMember().kind() == StaffKind.STAFF)
                .orElseThrow(() -> new NotFoundException(ACCOUNT, id));
    }

    private void requireAnotherAdmin(StaffAccount account) {
        if (accounts.countOtherActiveAdmins(TenantContext.require(), account.id()) == 0) {
            throw new BusinessRuleViolation(LAST_ADMIN, "The tenant's last active HQ admin must stay one");
        }
    }

    private void lockTenantStaff() {
        UUID tenant = TenantContext.require();
        accounts.lockTenantStaff(tenant.getMostSignificantBits() ^ tenant.getLeastSignificantBits());
    }

    /** Tenant roles only; projects only for project-scoped roles, skills only for technicians. */
    static void checkAssignment(List<StaffRole> roles, List<UUID> projects, List<StaffSkill> skills) {
        if (roles.isEmpty()) {
            throw new InvalidParameterException("roles", "must name at least one role");
        }
        if (!StaffRole.TENANT_ROLES.containsAll(roles)) {
            throw new InvalidParameterException("roles", "can be any of " + StaffRole.TENANT_ROLES);
        }
        if (!projects.isEmpty() && roles.stream().anyMatch(StaffRole.TENANT_WIDE::contains)) {
            throw new InvalidParameterException("projects", "must be empty for HQ admins, who see every project");
        }
        if (!skills.isEmpty() && !roles.contains(StaffRole.TECHNICIAN)) {
            throw new InvalidParameterException("skills", "only technicians have skills");
        }
    }

    private static void requireAcceptable(String field, String username, String password) {
        List<String> problems = PasswordPolicy.violations(username, password);
        if (!problems.isEmpty()) {
            throw new InvalidParameterException(field, String.join("; ", problems));
        }
    }

    private static BusinessRuleViolation usernameTaken() {
        return new BusinessRuleViolation(USERNAME_TAKEN, "An account with this username exists already");
    }
}
