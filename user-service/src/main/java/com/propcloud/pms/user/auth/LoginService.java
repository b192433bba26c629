package com.propcloud.pms.user.auth;

import com.propcloud.pms.common.audit.AuditEvent;
import com.propcloud.pms.common.audit.AuditLog;
import com.propcloud.pms.common.audit.RequestOrigin;
import com.propcloud.pms.common.tenant.TenantContext;
import com.propcloud.pms.user.staff.StaffAccounts;
import com.propcloud.pms.user.staff.StaffMember;
import com.propcloud.pms.user.tenant.TenantDirectory;
import com.propcloud.pms.user.tenant.TenantRef;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Logs staff in and rotates their tokens. Deliberately not one transaction: the tenant is only known
 * after the directory lookup (or from the stored refresh token), and the staff account must then be
 * read in a transaction that starts with that tenant set, so that row-level security applies.
 */
@Service
class LoginService {

    private static final Logger log = LoggerFactory.getLogger(LoginService.class);

    private final TenantDirectory tenants;
    private final StaffAccounts staff;
    private final AccessTokenIssuer accessTokens;
    private final RefreshTokens refreshTokens;
    private final LoginThrottle throttle;
    private final AuditLog audit;

    LoginService(
            TenantDirectory tenants,
            StaffAccounts staff,
            AccessTokenIssuer accessTokens,
            RefreshTokens refreshTokens,
            LoginThrottle throttle,
            AuditLog audit) {
        this.tenants = tenants;
        this.staff = staff;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.throttle = throttle;
        this.audit = audit;
    }

    /**
     * Checks the address throttle (429), then the account lock, the tenant and the password. A locked
     * account answers exactly like a wrong password, even with the right one, and so does an unknown
     * tenant or username, which is counted and locked the same way.
     */
    TokenResponse login(LoginRequest request, RequestOrigin origin) {
        throttle.requireAddressAllowed(address(origin));
        boolean locked = throttle.locked(request.tenant(), request.username());
        Optional<TenantRef> tenant = tenants.findByCode(request.tenant());
        if (tenant.isEmpty() || locked) {
            // as slow as a wrong password, so response times reveal neither tenant codes nor locks
            staff.spendPasswordCheck(request.password());
            UUID tenantId = tenant.map(TenantRef::id).orElse(null);
            throw refused(request, origin, tenantId, locked ? "account-locked" : "unknown-tenant");
        }
        TenantRef found = tenant.get();
        Optional<StaffMember> member =
                TenantContext.callAs(found.id(), () -> staff.authenticate(request.username(), request.password()));
        if (member.isEmpty() || !found.active()) {
            throw refused(request, origin, found.id(), found.active() ? "invalid-credentials" : "tenant-suspended");
        }
        throttle.recordSuccess(request.tenant(), request.username());
        log.debug("User {} of tenant {} logged in", member.get().id(), found.code());
        StaffMember who = member.get();
        audit.record(AuditEvent.builder("auth.login.succeeded")
                .tenant(found.id())
                .actor(who.id(), who.kind().claim(), who.displayName())
                .target("staff", who.id())
                .origin(origin)
                .build());
        String accessToken = accessTokens.issue(found, member.get());
        return pair(accessToken, refreshTokens.issueFirst(member.get().id(), found.id()));
    }

    TokenResponse refresh(String refreshToken) {
        RefreshTokens.Holder holder = refreshTokens.holder(refreshToken).orElseThrow(AuthFailures::invalidRefreshToken);
        // a suspended tenant, a disabled or deleted account, or a password changed or reset since the
        // token was issued: the session ends at this refresh
        Optional<TenantRef> tenant = tenants.find(holder.tenantId()).filter(TenantRef::active);
        Optional<StaffMember> member = tenant.flatMap(
                t -> TenantContext.callAs(t.id(), () -> staff.findActiveSince(holder.userId(), holder.issuedAt())));
        if (member.isEmpty()) {
            refreshTokens.revokeFamily(holder.familyId());
            throw AuthFailures.invalidRefreshToken();
        }
        String successor = refreshTokens.rotate(refreshToken).orElseThrow(AuthFailures::invalidRefreshToken);
        return pair(accessTokens.issue(tenant.get(), member.get()), successor);
    }

    private TokenResponse pair(String accessToken, String refreshToken) {
        return TokenResponse.bearer(accessToken, refreshToken, accessTokens.lifetimeSeconds());
    }

    /** The reason goes to the log only; the client gets the one answer whatever it is. */
    private RuntimeException refused(
            LoginRequest request, RequestOrigin origin, @Nullable UUID tenantId, String reason) {
        String clientAddress = address(origin);
        throttle.recordFailure(request.tenant(), request.username(), clientAddress);
        // never the username: people type their password into it often enough
        log.info("Login refused for tenant code '{}' from {}: {}", request.tenant(), clientAddress, reason);
        audit.record(AuditEvent.builder("auth.login.failed")
                .tenant(tenantId)
                .origin(origin)
                .detail("tenant", request.tenant())
                .detail("reason", reason)
                .build());
        return AuthFailures.invalidCredentials();
    }

    /** The throttle's key for the client: its address as the audit trail records it. */
    private static String address(RequestOrigin origin) {
        return origin.ip() == null ? "unknown" : origin.ip();
    }
}
