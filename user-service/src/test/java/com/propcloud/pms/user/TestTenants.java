package com.propcloud.pms.user;

import com.propcloud.pms.common.tenant.TenantContext;
import com.propcloud.pms.user.staff.NewStaffAccount;
import com.propcloud.pms.user.staff.StaffAccounts;
import com.propcloud.pms.user.staff.StaffKind;
import com.propcloud.pms.user.staff.StaffMember;
import com.propcloud.pms.user.staff.StaffRole;
import com.propcloud.pms.user.tenant.TenantDirectory;
import com.propcloud.pms.user.tenant.TenantRef;
import java.util.List;
import java.util.UUID;

/** Fresh tenants for tests that must not share their staff with other tests or earlier runs. */
final class TestTenants {

    static final String PASSWORD = "Fresh#Tenant2026";

    private TestTenants() {}

    static String newCode(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static TenantRef register(TenantDirectory tenants, String prefix) {
        return tenants.registerIfAbsent(newCode(prefix), "Test tenant " + prefix);
    }

    /** Opens an account directly (no API), with {@link #PASSWORD} and no forced change. */
    static StaffMember open(StaffAccounts staff, TenantRef tenant, String username, StaffRole role) {
        return TenantContext.callAs(
                tenant.id(),
                () -> staff.openIfAbsent(
                        new NewStaffAccount(username, "Test " + username, StaffKind.STAFF, List.of(role), PASSWORD)));
    }
}
