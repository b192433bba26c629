package com.propcloud.pms.user.auth;

import com.propcloud.pms.common.audit.AuditEvent;
import com.propcloud.pms.common.audit.AuditLog;
import com.propcloud.pms.common.audit.RequestOrigin;
import com.propcloud.pms.common.problem.InvalidParameterException;
import com.propcloud.pms.common.tenant.TenantContext;
import com.propcloud.pms.user.owner.OwnerAccounts;
import com.propcloud.pms.user.owner.OwnerMember;
import com.propcloud.pms.user.sms.SmsCodes;
import com.propcloud.pms.user.sms.SmsPurpose;
import com.propcloud.pms.user.staff.StaffAccounts;
import com.propcloud.pms.user.tenant.TenantDirectory;
import com.propcloud.pms.user.tenant.TenantRef;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Logs staff and owners in, rotates their tokens and logs them out. Deliberately not one transaction:
 * the tenant is only known after the directory lookup (or from the stored refresh token), and the
 * account must then be read in a transaction that starts with that tenant set, so that row-level
 * security applies.
 */
@Service
class LoginService {

    private static final Logger log = LoggerFactory.getLogger(LoginService.class);
    /** The lockout key of an owner: their phone's keyed hash, so Redis never holds the number. */
    private static final String PHONE_ACCOUNT = "phone:";

    private final TenantDirectory tenants;
    private final StaffAccounts staff;
    private final OwnerAccounts owners;
    private final SmsCodes smsCodes;
    private final AccessTokenIssuer accessTokens;
    private final RefreshTokens refreshTokens;
    private final LoginThrottle throttle;
    private final AuditLog audit;

    LoginService(
            TenantDirectory tenants,
            StaffAccounts staff,
            OwnerAccounts owners,
            SmsCodes smsCodes,
            AccessTokenIssuer accessTokens,
            RefreshTokens refreshTokens,
            LoginThrottle throttle,
            AuditLog audit) {
        this.tenants = tenants;
        this.staff = staff;
        this.owners = owners;
        this.smsCodes = smsCodes;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.throttle = throttle;
        this.audit = audit;
    }

    /**
     * Checks the address throttle (429), then the account lock, the tenant and the password or code. A
     * locked account answers exactly like a wrong password, even with the right one, and so does an
     * unknown tenant, username or phone, which is counted and locked the same way.
     */
    TokenResponse login(LoginRequest request, RequestOrigin origin) {
        requireOneWayToLogIn(request);
        throttle.requireAddressAllowed(address(origin));
        String account = accountKey(request);
        boolean locked = throttle.locked(request.tenant(), account);
        Optional<TenantRef> tenant = tenants.findByCode(request.tenant());
        if (tenant.isEmpty() || locked) {
            // as slow as a wrong password, so response times reveal neither tenant codes nor locks
            staff.spendPasswordCheck(request.password() == null ? "" : request.password());
            UUID tenantId = tenant.map(TenantRef::id).orElse(null);
            throw refused(request, account, origin, tenantId, locked ? "account-locked" : "unknown-tenant");
        }
        TenantRef found = tenant.get();
        Optional<TokenSubject> subject = TenantContext.callAs(found.id(), () -> authenticate(found, request));
        if (subject.isEmpty() || !found.active()) {
            throw refused(
                    request, account, origin, found.id(), found.active() ? "invalid-credentials" : "tenant-suspended");
        }
        throttle.recordSuccess(request.tenant(), account);
        TokenSubject who = subject.get();
        log.debug("{} {} of tenant {} logged in", who.kind(), who.id(), found.code());
        audit.record(AuditEvent.builder("auth.login.succeeded")
                .tenant(found.id())
                .actor(who.id(), who.kind(), who.displayName())
                .target(who.kind(), who.id())
                .origin(origin)
                .detail("method", method(request))
                .build());
        String accessToken = accessTokens.issue(found, who);
        return pair(accessToken, refreshTokens.issueFirst(who.id(), found.id()));
    }

    TokenResponse refresh(String refreshToken) {
        RefreshTokens.Holder holder = refreshTokens.holder(refreshToken).orElseThrow(AuthFailures::invalidRefreshToken);
        // a suspended tenant, a disabled or deleted account, or a password changed or reset since the
        // token was issued: the session ends at this refresh
        Optional<TenantRef> tenant = tenants.find(holder.tenantId()).filter(TenantRef::active);
        Optional<TokenSubject> subject = tenant.flatMap(
                t -> TenantContext.callAs(t.id(), () -> staff.findActiveSince(holder.userId(), holder.issuedAt())
                        .map(TokenSubject::of)
                        .or(() -> owners.findActiveSince(holder.userId(), holder.issuedAt())
                                .map(TokenSubject::of))));
        if (subject.isEmpty()) {
            refreshTokens.revokeFamily(holder, "session-ended");
            throw AuthFailures.invalidRefreshToken();
        }
        String successor = refreshTokens.rotate(refreshToken).orElseThrow(AuthFailures::invalidRefreshToken);
        return pair(accessTokens.issue(tenant.get(), subject.get()), successor);
    }

    /**
     * Ends the session the refresh token belongs to (its whole family) if it is the caller's; a token
     * that is unknown or someone else's changes nothing, and the answer is the same.
     */
    void logout(String refreshToken, UUID caller, RequestOrigin origin) {
        Optional<RefreshTokens.Holder> holder =
                refreshTokens.holder(refreshToken).filter(h -> h.userId().equals(caller));
        holder.ifPresent(h -> refreshTokens.revokeFamily(h, "logout"));
        audit.record(AuditEvent.builder("auth.logout")
                .byCurrentUser()
                .origin(origin)
                .detail("sessionEnded", holder.isPresent())
                .build());
    }

    private Optional<TokenSubject> authenticate(TenantRef tenant, LoginRequest request) {
        if (!request.isOwnerLogin()) {
            return staff.authenticate(request.username(), request.password()).map(TokenSubject::of);
        }
        if (request.password() != null) {
            return owners.authenticate(request.phone(), request.password()).map(TokenSubject::of);
        }
        Optional<String> phoneKey = owners.phoneKey(request.phone());
        Optional<OwnerMember> owner = owners.findActiveByPhone(request.phone());
        boolean codeAccepted = phoneKey.isPresent()
                && smsCodes.verify(tenant.id(), phoneKey.get(), SmsPurpose.LOGIN, request.smsCode());
        return codeAccepted ? owner.map(TokenSubject::of) : Optional.empty();
    }

    private TokenResponse pair(String accessToken, String refreshToken) {
        return TokenResponse.bearer(accessToken, refreshToken, accessTokens.lifetimeSeconds());
    }

    /** The reason goes to the log only; the client gets the one answer whatever it is. */
    private RuntimeException refused(
            LoginRequest request, String account, RequestOrigin origin, @Nullable UUID tenantId, String reason) {
        String clientAddress = address(origin);
        throttle.recordFailure(request.tenant(), account, clientAddress);
        // never the username or phone: people type their password into it often enough
        log.info("Login refused for tenant code '{}' from {}: {}", request.tenant(), clientAddress, reason);
        audit.record(AuditEvent.builder("auth.login.failed")
                .tenant(tenantId)
                .origin(origin)
                .detail("tenant", request.tenant())
                .detail("method", method(request))
                .detail("reason", reason)
                .build());
        return AuthFailures.invalidCredentials();
    }

    /** Staff: username + password; owners: phone + exactly one of password and SMS code. */
    private static void requireOneWayToLogIn(LoginRequest request) {
        Map<String, String> problems = new LinkedHashMap<>();
        if ((request.username() == null) == (request.phone() == null)) {
            problems.put("username", "give a username (staff) or a phone (owners), not both");
        }
        if (!request.isOwnerLogin() && request.password() == null) {
            problems.put("password", "must not be null");
        }
        if (request.isOwnerLogin() && (request.password() == null) == (request.smsCode() == null)) {
            problems.put("password", "give either a password or an SMS code");
        }
        if (!problems.isEmpty()) {
            throw new InvalidParameterException(problems);
        }
    }

    private String accountKey(LoginRequest request) {
        if (!request.isOwnerLogin()) {
            return request.username();
        }
        return PHONE_ACCOUNT + owners.phoneKey(request.phone()).orElse("not-a-mobile");
    }

    private static String method(LoginRequest request) {
        return !request.isOwnerLogin() ? "password" : request.password() != null ? "phone-password" : "sms-code";
    }

    /** The throttle's key for the client: its address as the audit trail records it. */
    private static String address(RequestOrigin origin) {
        return origin.ip() == null ? "unknown" : origin.ip();
    }
}
