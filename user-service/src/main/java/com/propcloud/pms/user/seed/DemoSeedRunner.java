package com.propcloud.pms.user.seed;

import com.propcloud.pms.common.tenant.TenantContext;
import com.propcloud.pms.user.staff.NewStaffAccount;
import com.propcloud.pms.user.staff.StaffAccounts;
import com.propcloud.pms.user.staff.StaffKind;
import com.propcloud.pms.user.staff.StaffRole;
import com.propcloud.pms.user.tenant.TenantDirectory;
import com.propcloud.pms.user.tenant.TenantRef;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * Seeds the platform tenant with its operator and a demo tenant with its HQ admin, for local runs and
 * tests only ({@code pms.seed.demo=true}); production seeds nothing. Idempotent: what exists is kept
 * as it is, passwords included.
 */
@Component
@ConditionalOnBooleanProperty("pms.seed.demo")
class DemoSeedRunner implements ApplicationRunner {

    static final String PLATFORM = TenantDirectory.PLATFORM_CODE;
    static final String DEMO = "demo";

    private static final Logger log = LoggerFactory.getLogger(DemoSeedRunner.class);

    private final TenantDirectory tenants;
    private final StaffAccounts staff;
    private final DemoSeedProperties properties;

    DemoSeedRunner(TenantDirectory tenants, StaffAccounts staff, DemoSeedProperties properties) {
        this.tenants = tenants;
        this.staff = staff;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        TenantRef platform = tenants.registerIfAbsent(PLATFORM, "Platform");
        seedAccount(platform, "operator", "Platform Operator", StaffKind.OPERATOR, StaffRole.PLATFORM_OPERATOR);
        TenantRef demo = tenants.registerIfAbsent(DEMO, "Demo Property Co.");
        seedAccount(demo, "admin", "Demo HQ Admin", StaffKind.STAFF, StaffRole.HQ_ADMIN);
        log.info("Demo data ready: tenants '{}' and '{}'", PLATFORM, DEMO);
    }

    private void seedAccount(TenantRef tenant, String username, String displayName, StaffKind kind, StaffRole role) {
        // staff accounts are tenant-owned: the write runs as that tenant, under row-level security
        TenantContext.runAs(
                tenant.id(),
                () -> staff.openIfAbsent(
                        new NewStaffAccount(username, displayName, kind, List.of(role), properties.demoPassword())));
    }
}
