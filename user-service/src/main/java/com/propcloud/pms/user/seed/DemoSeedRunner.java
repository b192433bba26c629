package com.propcloud.pms.user.seed;

import com.propcloud.pms.common.tenant.TenantContext;
import com.propcloud.pms.user.staff.NewStaffAccount;
import com.propcloud.pms.user.staff.StaffAccounts;
import com.propcloud.pms.user.staff.StaffKind;
import com.propcloud.pms.user.staff.StaffRole;
import com.propcloud.pms.user.staff.StaffSkill;
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
 * Seeds the platform tenant with its operator and two demo tenants, {@code demo} and {@code acme},
 * with the same usernames each (so isolation can be tried by hand): {@code admin}, {@code pm}, {@code
 * desk}, {@code tech1}, {@code tech2}, {@code finance} and {@code guard}. For local runs and tests only
 * ({@code pms.seed.demo=true}); production seeds nothing. Idempotent: what exists is kept as it is,
 * passwords included.
 */
@Component
@ConditionalOnBooleanProperty("pms.seed.demo")
class DemoSeedRunner implements ApplicationRunner {

    static final String PLATFORM = TenantDirectory.PLATFORM_CODE;
    static final String DEMO = "demo";
    static final String ACME = "acme";

    private static final Logger log = LoggerFactory.getLogger(DemoSeedRunner.class);

    /** One seeded login of each demo tenant. */
    record Seat(String username, String title, StaffRole role, List<StaffSkill> skills) {}

    static final List<Seat> STAFF = List.of(
            new Seat("admin", "HQ Admin", StaffRole.HQ_ADMIN, List.of()),
            new Seat("pm", "Project Manager", StaffRole.PROJECT_MANAGER, List.of()),
            new Seat("desk", "Front Desk", StaffRole.FRONT_DESK, List.of()),
            new Seat("tech1", "Technician 1", StaffRole.TECHNICIAN, List.of(StaffSkill.PLUMBING, StaffSkill.GENERAL)),
            new Seat(
                    "tech2", "Technician 2", StaffRole.TECHNICIAN, List.of(StaffSkill.ELECTRICAL, StaffSkill.ELEVATOR)),
            new Seat("finance", "Finance", StaffRole.FINANCE, List.of()),
            new Seat("guard", "Security Guard", StaffRole.SECURITY, List.of()));

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
        seedAccount(
                platform,
                new NewStaffAccount(
                        "operator",
                        "Platform Operator",
                        StaffKind.OPERATOR,
                        List.of(StaffRole.PLATFORM_OPERATOR),
                        properties.demoPassword()));
        seedTenant(DEMO, "Demo Property Co.", "Demo");
        seedTenant(ACME, "Acme Estates", "Acme");
        log.info("Demo data ready: tenants '{}', '{}' and '{}'", PLATFORM, DEMO, ACME);
    }

    private void seedTenant(String code, String name, String shortName) {
        TenantRef tenant = tenants.registerIfAbsent(code, name);
        for (Seat seat : STAFF) {
            seedAccount(
                    tenant,
                    new NewStaffAccount(
                            seat.username(),
                            shortName + " " + seat.title(),
                            StaffKind.STAFF,
                            List.of(seat.role()),
                            List.of(),
                            seat.skills(),
                            seat.role() == StaffRole.TECHNICIAN,
                            properties.demoPassword(),
                            false));
        }
    }

    private void seedAccount(TenantRef tenant, NewStaffAccount account) {
        // staff accounts are tenant-owned: the write runs as that tenant, under row-level security
        TenantContext.runAs(tenant.id(), () -> staff.openIfAbsent(account));
    }
}
