package com.propcloud.pms.user.auth;

import com.propcloud.pms.common.audit.AuditEvent;
import com.propcloud.pms.common.audit.AuditLog;
import com.propcloud.pms.common.audit.RequestOrigin;
import com.propcloud.pms.common.pii.Phones;
import com.propcloud.pms.common.problem.InvalidParameterException;
import com.propcloud.pms.common.tenant.TenantContext;
import com.propcloud.pms.user.owner.OwnerAccounts;
import com.propcloud.pms.user.owner.OwnerMember;
import com.propcloud.pms.user.sms.SmsCodes;
import com.propcloud.pms.user.sms.SmsPurpose;
import com.propcloud.pms.user.staff.PasswordPolicy;
import com.propcloud.pms.user.tenant.TenantDirectory;
import com.propcloud.pms.user.tenant.TenantRef;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Owners' SMS codes for login and password resets. Whether a phone belongs to an account never shows
 * in the answer: a code request for a stranger's phone counts against the same limits and answers
 * the same, it just sends nothing.
 */
@Service
class OwnerCodes {

    private final TenantDirectory tenants;
    private final OwnerAccounts owners;
    private final SmsCodes codes;
    private final AuditLog audit;

    OwnerCodes(TenantDirectory tenants, OwnerAccounts owners, SmsCodes codes, AuditLog audit) {
        this.tenants = tenants;
        this.owners = owners;
        this.codes = codes;
        this.audit = audit;
    }

    /** Sends a code to the phone if an active owner of the tenant has it; throttled per phone either way. */
    void request(String tenantCode, String phone, SmsPurpose purpose) {
        String number = mobile(phone);
        Optional<TenantRef> tenant = tenants.findByCode(tenantCode).filter(TenantRef::active);
        if (tenant.isEmpty()) {
            return;
        }
        TenantRef found = tenant.get();
        TenantContext.runAs(found.id(), () -> {
            String phoneKey = owners.phoneKey(number).orElseThrow();
            Optional<OwnerMember> owner = owners.findActiveByPhone(number);
            if (owner.isPresent()) {
                codes.issue(found.id(), phoneKey, number, purpose);
            } else {
                codes.issueWithoutSending(found.id(), phoneKey, purpose);
            }
        });
    }

    /**
     * Sets a new password when the reset code is right. A wrong, expired or burnt code, an unknown
     * phone and an unknown tenant all answer alike; the policy is checked first, so a weak password
     * does not use up the code.
     */
    void confirmReset(String tenantCode, String phone, String code, String newPassword, RequestOrigin origin) {
        String number = mobile(phone);
        List<String> violations = PasswordPolicy.violations(number, newPassword);
        if (!violations.isEmpty()) {
            throw new InvalidParameterException("newPassword", String.join("; ", violations));
        }
        TenantRef tenant =
                tenants.findByCode(tenantCode).filter(TenantRef::active).orElseThrow(AuthFailures::invalidSmsCode);
        OwnerMember reset = TenantContext.callAs(tenant.id(), () -> {
            String phoneKey = owners.phoneKey(number).orElseThrow();
            Optional<OwnerMember> owner = owners.findActiveByPhone(number);
            if (!codes.verify(tenant.id(), phoneKey, SmsPurpose.PASSWORD_RESET, code) || owner.isEmpty()) {
                throw AuthFailures.invalidSmsCode();
            }
            owners.resetPassword(owner.get().id(), newPassword);
            return owner.get();
        });
        audit.record(AuditEvent.builder("auth.password-reset")
                .tenant(tenant.id())
                .actor(reset.id(), TokenSubject.OWNER_KIND, reset.displayName())
                .target(TokenSubject.OWNER_KIND, reset.id())
                .origin(origin)
                .build());
    }

    private static String mobile(String phone) {
        return Phones.normalise(phone)
                .orElseThrow(() -> new InvalidParameterException("phone", "must be a mainland mobile number"));
    }
}
