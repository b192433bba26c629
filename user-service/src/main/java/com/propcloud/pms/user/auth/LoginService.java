package com.propcloud.pms.user.auth;

import com.propcloud.pms.common.tenant.TenantContext;
import com.propcloud.pms.user.staff.StaffAccounts;
import com.propcloud.pms.user.staff.StaffMember;
import com.propcloud.pms.user.tenant.TenantDirectory;
import com.propcloud.pms.user.tenant.TenantRef;
import java.util.Optional;
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

    LoginService(
            TenantDirectory tenants, StaffAccounts staff, AccessTokenIssuer accessTokens, RefreshTokens refreshTokens) {
        this.tenants = tenants;
        this.staff = staff;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
    }

    TokenResponse login(LoginRequest request) {
        Optional<TenantRef> tenant = tenants.findByCode(request.tenant());
        if (tenant.isEmpty()) {
            // as slow as a wrong password, so response times do not reveal which tenant codes exist
            staff.spendPasswordCheck(request.password());
            throw refused(request);
        }
        TenantRef found = tenant.get();
        Optional<StaffMember> member =
                TenantContext.callAs(found.id(), () -> staff.authenticate(request.username(), request.password()));
        if (member.isEmpty() || !found.active()) {
            throw refused(request);
        }
        log.debug("User {} of tenant {} logged in", member.get().id(), found.code());
        String accessToken = accessTokens.issue(found, member.get());
        return pair(accessToken, refreshTokens.issueFirst(member.get().id(), found.id()));
    }

    TokenResponse refresh(String refreshToken) {
        RefreshTokens.Holder holder = refreshTokens.holder(refreshToken).orElseThrow(AuthFailures::invalidRefreshToken);
        // a suspended tenant or a disabled account loses its sessions at the next refresh
        Optional<TenantRef> tenant = tenants.find(holder.tenantId()).filter(TenantRef::active);
        Optional<StaffMember> member =
                tenant.flatMap(t -> TenantContext.callAs(t.id(), () -> staff.findActive(holder.userId())));
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

    private static RuntimeException refused(LoginRequest request) {
        // never the username: people type their password into it often enough
        log.info("Login refused for tenant code '{}'", request.tenant());
        return AuthFailures.invalidCredentials();
    }
}
