package com.propcloud.pms.user.seed;

import com.propcloud.pms.common.pii.IdNumbers;
import com.propcloud.pms.common.tenant.TenantContext;
import com.propcloud.pms.user.owner.OwnerAccounts;
import com.propcloud.pms.user.owner.OwnerCategory;
import com.propcloud.pms.user.staff.NewStaffAccount;
import com.propcloud.pms.user.staff.StaffAccounts;
import com.propcloud.pms.user.staff.StaffKind;
import com.propcloud.pms.user.staff.StaffRole;
import com.propcloud.pms.user.staff.StaffSkill;
import com.propcloud.pms.user.tenant.TenantDirectory;
import com.propcloud.pms.user.tenant.TenantRef;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Seeds the platform tenant with its operator and two demo tenants, {@code demo} and {@code acme},
 * with the same usernames each (so isolation can be tried by hand): {@code admin}, {@code pm}, {@code
 * desk}, {@code tech1}, {@code tech2}, {@code finance} and {@code guard}, and nine owners each who log in by
 * phone ({@code demo}: 13900000001–09, {@code acme}: 13700000001–09), then, in the background, the
 * other demo people ({@link DemoPeople}). Staff other than the HQ admin
 * work on their tenant's demo projects ({@link DemoProjects}). For local runs and tests only
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

    /** Owners who log in by phone: {@code <prefix>00000001} to {@code …09} in each demo tenant. */
    static final int OWNERS_PER_TENANT = 9;

    static final String DEMO_PHONE_PREFIX = "139";
    static final String ACME_PHONE_PREFIX = "137";

    private record DemoTenant(String code, String name, String shortName, String phonePrefix) {}

    private static final List<DemoTenant> TENANTS = List.of(
            new DemoTenant(DEMO, "Demo Property Co.", "Demo", DEMO_PHONE_PREFIX),
            new DemoTenant(ACME, "Acme Estates", "Acme", ACME_PHONE_PREFIX));

    private static final List<String> OWNER_NAMES = List.of("张伟", "王芳", "李娜", "刘洋", "陈静", "杨磊", "赵敏", "黄强", "周丽");

    private final TenantDirectory tenants;
    private final StaffAccounts staff;
    private final OwnerAccounts owners;
    private final DemoSeedProperties properties;

    DemoSeedRunner(TenantDirectory tenants, StaffAccounts staff, OwnerAccounts owners, DemoSeedProperties properties) {
        this.tenants = tenants;
        this.staff = staff;
        this.owners = owners;
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
        for (DemoTenant tenant : TENANTS) {
            seedTenant(tenant.code(), tenant.name(), tenant.shortName(), tenant.phonePrefix());
        }
        log.info("Demo data ready: tenants '{}', '{}' and '{}'", PLATFORM, DEMO, ACME);
    }

    private void seedTenant(String code, String name, String shortName, String phonePrefix) {
        TenantRef tenant = tenants.registerIfAbsent(code, name);
        for (Seat seat : STAFF) {
            seedAccount(
                    tenant,
                    new NewStaffAccount(
                            seat.username(),
                            shortName + " " + seat.title(),
                            StaffKind.STAFF,
                            List.of(seat.role()),
                            // HQ admins see every project; everyone else works on the tenant's demo projects
                            seat.role() == StaffRole.HQ_ADMIN ? List.of() : DemoProjects.of(code),
                            seat.skills(),
                            seat.role() == StaffRole.TECHNICIAN,
                            properties.demoPassword(),
                            false));
        }
        for (int n = 1; n <= OWNERS_PER_TENANT; n++) {
            // made-up ID numbers with a valid check character: region 110101, born 1980–1988
            String idNumber = IdNumbers.withCheckCharacter("110101198" + (n - 1) + "0101" + String.format("%03d", n));
            OwnerAccounts.NewOwner owner = new OwnerAccounts.NewOwner(
                    OWNER_NAMES.get(n - 1), OwnerCategory.OWNER, DemoPeople.phone(phonePrefix, n), idNumber);
            UUID id = DemoPeople.id(code, n);
            TenantContext.runAs(tenant.id(), () -> owners.openIfAbsent(id, owner, properties.demoPassword()));
        }
    }

    /**
     * The rest of the demo people (about two thousand), after start-up in the background: a person
     * each transaction, so the service is ready meanwhile and a restart carries on where it stopped.
     */
    @EventListener(ApplicationReadyEvent.class)
    void seedTheOtherPeopleInTheBackground() {
        Thread thread = new Thread(
                () -> {
                    try {
                        for (DemoTenant tenant : TENANTS) {
                            seedPeople(tenant);
                        }
                        log.info("Demo people ready: tenants '{}' and '{}'", DEMO, ACME);
                    } catch (RuntimeException failure) {
                        log.warn("Demo people not all seeded: {}", failure.toString());
                    }
                },
                "demo-people-seed");
        thread.setDaemon(true);
        thread.start();
    }

    private void seedPeople(DemoTenant demo) {
        TenantRef tenant = tenants.registerIfAbsent(demo.code(), demo.name());
        for (DemoPeople.Person person : DemoPeople.of(demo.code(), demo.phonePrefix(), OWNERS_PER_TENANT + 1)) {
            UUID id = DemoPeople.id(demo.code(), person.n());
            TenantContext.runAs(tenant.id(), () -> owners.openIfAbsent(id, person.owner(), null));
        }
    }

    private void seedAccount(TenantRef tenant, NewStaffAccount account) {
        // staff accounts are tenant-owned: the write runs as that tenant, under row-level security
        TenantContext.runAs(tenant.id(), () -> staff.openIfAbsent(account));
    }
}
