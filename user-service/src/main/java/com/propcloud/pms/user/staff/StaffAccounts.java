package com.propcloud.pms.user.staff;

import com.propcloud.pms.common.tenant.TenantContext;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff accounts of the current tenant ({@link TenantContext}): every method works inside the tenant
 * set by the caller, and row-level security hides every other tenant's accounts.
 */
@Service
public class StaffAccounts {

    private final StaffAccountRepository accounts;
    private final PasswordEncoder passwords;
    private final Clock clock;
    /** Compared against when there is no account, so a miss costs as much time as a wrong password. */
    private final String decoyHash;

    StaffAccounts(StaffAccountRepository accounts, PasswordEncoder passwords, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.clock = clock;
        this.decoyHash = passwords.encode(UUID.randomUUID().toString());
    }

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

    /** Returns the current tenant's account with this username, opening it first if there is none. */
    @Transactional
    public StaffMember openIfAbsent(NewStaffAccount account) {
        UUID tenantId = TenantContext.require();
        return accounts.findByUsername(tenantId, account.username().strip())
                .orElseGet(() -> accounts.save(StaffAccount.open(tenantId, account, passwords, clock.instant())))
                .toMember();
    }
}
