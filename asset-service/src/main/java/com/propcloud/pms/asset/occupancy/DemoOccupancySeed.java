package com.propcloud.pms.asset.occupancy;

import com.propcloud.pms.asset.registry.RegistryDirectory;
import com.propcloud.pms.asset.registry.RegistryDirectory.UnitSummary;
import com.propcloud.pms.asset.registry.UnitStatus;
import com.propcloud.pms.common.security.DataScope;
import com.propcloud.pms.common.tenant.TenantContext;
import com.propcloud.pms.common.tenant.directory.TenantDirectory;
import com.propcloud.pms.common.tenant.directory.TenantEntry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who lives where in the demo portfolio ({@code pms.seed.demo=true}): the demo people user-service
 * seeds (ids {@code pms-demo-person:<tenant>:<n>}, see user-service's {@code DemoPeople}) become the
 * primary payers of the demo units, in walking order (building, floor, number). The nine people of
 * each tenant who log in hold two homes each; every later resident one; the last homes of the
 * community stay without an owner (unsold). In the office tower the rented offices go to the
 * commercial tenants ({@code n} from 5001), a few consecutive offices each.
 *
 * <p>People reach asset-service through user-service's events, so this waits, retrying in the
 * background, until the tenant's projects and its last person are here; a unit that already has a
 * primary payer is left as it is, so a rerun links only what is missing.
 */
@Component
@ConditionalOnBooleanProperty("pms.seed.demo")
class DemoOccupancySeed {

    private static final Logger log = LoggerFactory.getLogger(DemoOccupancySeed.class);

    private static final Duration RETRY = Duration.ofSeconds(5);
    private static final int MAX_ATTEMPTS = 240;

    /** The login owners (1–9) each hold this many homes. */
    private static final int HOMES_PER_LOGIN_OWNER = 2;

    private static final int LOGIN_OWNERS = 9;
    private static final int FIRST_COMMERCIAL_TENANT = 5001;

    /** A demo tenant's projects and people, as both seeds number them. */
    private record DemoTenant(String code, String community, int residents, String tower, int commercialTenants) {}

    private static final List<DemoTenant> TENANTS = List.of(
            new DemoTenant("demo", "EMERALD-LAKE", 1900, "HUIJIN-TOWER", 120),
            new DemoTenant("acme", "PINE-COURT", 270, null, 0));

    private static final LocalDate MOVE_IN = LocalDate.of(2024, 1, 1);

    private final OccupancyService occupancies;
    private final OccupancyRepository stays;
    private final PersonRepository people;
    private final RegistryDirectory registry;
    private final TenantDirectory tenants;
    private final TransactionTemplate transactions;

    DemoOccupancySeed(
            OccupancyService occupancies,
            OccupancyRepository stays,
            PersonRepository people,
            RegistryDirectory registry,
            TenantDirectory tenants,
            TransactionTemplate transactions) {
        this.occupancies = occupancies;
        this.stays = stays;
        this.people = people;
        this.registry = registry;
        this.tenants = tenants;
        this.transactions = transactions;
    }

    static UUID personId(String tenantCode, int n) {
        return nameId("pms-demo-person:" + tenantCode + ":" + n);
    }

    @EventListener(ApplicationReadyEvent.class)
    void seedInTheBackground() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "demo-occupancy-seed");
            thread.setDaemon(true);
            return thread;
        });
        executor.execute(new Runnable() {
            private int attempts;

            @Override
            public void run() {
                boolean done = false;
                try {
                    done = seedAll();
                } catch (RuntimeException failure) {
                    log.warn("Demo occupancy seed failed; retrying: {}", failure.toString());
                }
                if (done) {
                    executor.shutdown();
                } else if (++attempts < MAX_ATTEMPTS) {
                    executor.schedule(this, RETRY.toMillis(), TimeUnit.MILLISECONDS);
                } else {
                    log.warn("Demo occupancy not seeded: the demo projects or people never all arrived");
                    executor.shutdown();
                }
            }
        });
    }

    /** @return whether every demo tenant's projects and people were here (and are now linked) */
    boolean seedAll() {
        boolean all = true;
        for (DemoTenant demo : TENANTS) {
            Optional<TenantEntry> tenant = tenants.findByCode(demo.code());
            all &= tenant.isPresent() && TenantContext.callAs(tenant.get().id(), () -> seed(demo));
        }
        if (all) {
            log.info("Demo occupancy ready: tenants 'demo' and 'acme'");
        }
        return all;
    }

    private boolean seed(DemoTenant demo) {
        UUID community = projectId(demo.code(), demo.community());
        UUID tower = demo.tower() == null ? null : projectId(demo.code(), demo.tower());
        boolean projectsHere = registry.projectExists(community) && (tower == null || registry.projectExists(tower));
        int lastPerson = demo.commercialTenants() > 0
                ? FIRST_COMMERCIAL_TENANT + demo.commercialTenants() - 1
                : demo.residents();
        if (!projectsHere
                || !people.existsById(personId(demo.code(), demo.residents()))
                || !people.existsById(personId(demo.code(), lastPerson))) {
            return false;
        }
        DataScope seed = new DataScope(nameId("pms-demo-seed"), DataScope.Reach.TENANT, Set.of());
        int linked = 0;
        List<UnitSummary> homes = registry.unitsOfProject(community);
        for (int i = 0; i < homes.size(); i++) {
            int n = i < LOGIN_OWNERS * HOMES_PER_LOGIN_OWNER
                    ? i / HOMES_PER_LOGIN_OWNER + 1
                    : i - LOGIN_OWNERS * (HOMES_PER_LOGIN_OWNER - 1) + 1;
            if (n > demo.residents()) {
                break; // the rest are unsold
            }
            linked += link(homes.get(i), personId(demo.code(), n), OccupancyRole.OWNER, seed);
        }
        if (tower != null) {
            List<UnitSummary> rented = registry.unitsOfProject(tower).stream()
                    .filter(office -> office.status() == UnitStatus.RENTED)
                    .toList();
            for (int j = 0; j < rented.size(); j++) {
                int company = FIRST_COMMERCIAL_TENANT + j * demo.commercialTenants() / rented.size();
                linked += link(rented.get(j), personId(demo.code(), company), OccupancyRole.TENANT, seed);
            }
        }
        if (linked > 0) {
            log.info("Demo occupancy of '{}': {} stays linked", demo.code(), linked);
        }
        return true;
    }

    /** @return 1 if linked now, 0 if the unit has a primary payer already or the person is not here */
    private int link(UnitSummary unit, UUID person, OccupancyRole role, DataScope seed) {
        // one transaction: the check runs under the tenant (row-level security) and with the link
        Integer linked = transactions.execute(status -> {
            if (stays.findCurrentPrimaryPayer(unit.id()).isPresent() || !people.existsById(person)) {
                return 0;
            }
            occupancies.link(unit.id(), new OccupancyService.Link(person, role, true, MOVE_IN), seed);
            return 1;
        });
        return linked == null ? 0 : linked;
    }

    /** The registry seed's derivation of a demo project's id. */
    private static UUID projectId(String tenantCode, String projectCode) {
        return nameId("pms-demo-project:" + tenantCode + ":" + projectCode);
    }

    private static UUID nameId(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
