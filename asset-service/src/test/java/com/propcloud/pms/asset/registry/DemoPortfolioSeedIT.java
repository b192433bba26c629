package com.propcloud.pms.asset.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.propcloud.pms.common.tenant.TenantContext;
import com.propcloud.pms.test.UsesPmsInfrastructure;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rest of the demo portfolio, seeded by each feature once the registry seed announces a tenant's
 * projects: equipment (every elevator with its 15-day plan), the pumps' and fire systems' plans, a
 * patrol route per project and the garages; a second run adds nothing.
 *
 * <p>Uses {@link DemoRegistrySeedIT}'s tenants: the demo ids derive from tenant codes, so within one
 * test database (one per JVM) the codes {@code demo} and {@code acme} must name the same tenants.
 */
@SpringBootTest(properties = "pms.seed.demo=true")
@Import(DemoTenants.class)
@UsesPmsInfrastructure
class DemoPortfolioSeedIT {

    static final UUID DEMO = DemoTenants.DEMO;
    static final UUID ACME = DemoTenants.ACME;

    static final UUID GARDEN = DemoRegistrySeed.projectId("demo", "EMERALD-LAKE");
    static final UUID TOWER = DemoRegistrySeed.projectId("demo", "HUIJIN-TOWER");
    static final UUID PINE = DemoRegistrySeed.projectId("acme", "PINE-COURT");

    /** What the demo seeds write, counted per tenant; a second run must leave every number as it is. */
    static final List<String> TOTALS = List.of(
            "select count(*) from equipment",
            "select count(*) from maintenance_plan",
            "select count(*) from patrol_route",
            "select count(*) from patrol_checkpoint",
            "select count(*) from parking_space");

    @Autowired
    DemoRegistrySeed seed;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void seedsEquipmentPlansRoutesAndParkingOnce() {
        // the seed starts by itself once the application is ready; acme comes last, parking is its largest
        await().atMost(Duration.ofMinutes(3))
                .until(() -> count(ACME, "select count(*) from parking_space") == 100
                        && count(ACME, "select count(*) from equipment") == 9
                        && count(ACME, "select count(*) from patrol_route") == 1
                        && count(ACME, "select count(*) from maintenance_plan") == 9);
        List<Long> demoBefore = totals(DEMO);
        List<Long> acmeBefore = totals(ACME);

        assertThat(seed.seedAll())
                .as("a second run, which finds everything there")
                .isTrue();
        assertThat(totals(DEMO)).as("demo after a second run").isEqualTo(demoBefore);
        assertThat(totals(ACME)).as("acme after a second run").isEqualTo(acmeBefore);

        // equipment: elevators, pumps, fire systems per building, a generator and CCTV; the tower's; Pine Court's
        assertThat(countByCategory(DEMO, GARDEN))
                .isEqualTo(Map.of("ELEVATOR", 48L, "WATER_PUMP", 2L, "FIRE_SYSTEM", 12L, "GENERATOR", 1L, "CCTV", 1L));
        assertThat(countByCategory(DEMO, TOWER))
                .isEqualTo(Map.of("ELEVATOR", 8L, "HVAC", 1L, "FIRE_SYSTEM", 1L, "TRANSFORMER", 1L));
        assertThat(countByCategory(ACME, PINE)).isEqualTo(Map.of("ELEVATOR", 8L, "WATER_PUMP", 1L));
        assertThat(count(
                        DEMO,
                        "select count(*) from equipment where id = ? and building_id = ?",
                        UUID.nameUUIDFromBytes("pms-demo-equipment:demo:EMERALD-LAKE:B03:EL2".getBytes()),
                        UUID.nameUUIDFromBytes("pms-demo-building:demo:EMERALD-LAKE:B03".getBytes())))
                .as("name-based ids, in the registry's buildings")
                .isEqualTo(1);

        // every elevator has exactly one plan, its default one: every 15 days, for the elevator trade
        for (UUID tenant : List.of(DEMO, ACME)) {
            assertThat(count(tenant, """
                            select count(*) from equipment e
                            where e.category = 'ELEVATOR' and 1 <> (select count(*) from maintenance_plan p
                                where p.equipment_id = e.id and p.cycle_kind = 'EVERY_N_DAYS'
                                and p.interval_days = 15 and p.skill = 'ELEVATOR' and p.active)"""))
                    .as("elevators without exactly one 15-day plan")
                    .isZero();
        }
        assertThat(count(DEMO, "select count(*) from maintenance_plan where equipment_id is not null"))
                .isEqualTo(56);
        // the pumps monthly, the fire systems every 30 days, as category plans of their projects
        assertThat(jdbc(DEMO, """
                        select project_id || ':' || category || ':' || cycle_kind || ':'
                            || coalesce(interval_days, day_of_month)
                        from maintenance_plan where category is not null order by 1""", String.class))
                .containsExactlyInAnyOrder(
                        GARDEN + ":WATER_PUMP:MONTHLY:5",
                        GARDEN + ":FIRE_SYSTEM:EVERY_N_DAYS:30",
                        TOWER + ":FIRE_SYSTEM:EVERY_N_DAYS:30");
        assertThat(jdbc(
                        ACME,
                        "select category || ':' || cycle_kind from maintenance_plan where category is not null",
                        String.class))
                .containsExactly("WATER_PUMP:MONTHLY");

        // a security route per project, at 08:00 and 20:00, four to six checkpoints
        for (UUID tenant : List.of(DEMO, ACME)) {
            List<String> routes = jdbc(tenant, """
                            select r.project_id || ':' || r.role || ':' || r.cycle_kind || ':' || r.times_of_day
                                || ':' || (select count(*) from patrol_checkpoint c where c.route_id = r.id)
                            from patrol_route r""", String.class);
            assertThat(routes).hasSize(tenant.equals(DEMO) ? 2 : 1).allSatisfy(route -> assertThat(route)
                    .matches(".*:SECURITY:TIMES_OF_DAY:08:00,20:00:[4-6]"));
        }

        // the garages: Emerald Lake's B1 with every kind of space, each held space by its own unit
        assertThat(jdbc(DEMO, """
                        select type || ':' || count(*) from parking_space
                        where project_id = ? and zone = 'B1' group by type order by type""", String.class, GARDEN)).containsExactly("OWNED:390", "RENTED:150", "VISITOR:60");
        assertThat(count(DEMO, "select count(*) from parking_space where project_id = ?", TOWER))
                .isEqualTo(150);
        assertThat(count(ACME, "select count(*) from parking_space where project_id = ?", PINE))
                .isEqualTo(100);
        for (UUID tenant : List.of(DEMO, ACME)) {
            assertThat(count(
                            tenant,
                            "select count(*) - count(distinct unit_id) from parking_space where unit_id is not null"))
                    .as("units holding two spaces")
                    .isZero();
        }
    }

    private List<Long> totals(UUID tenant) {
        return TOTALS.stream().map(sql -> count(tenant, sql)).toList();
    }

    private Map<String, Long> countByCategory(UUID tenant, UUID project) {
        return TenantContext.callAs(
                tenant,
                () -> transactions.execute(status -> {
                    Map<String, Long> counts = new java.util.HashMap<>();
                    jdbc.query(
                            "select category, count(*) from equipment where project_id = ? group by category",
                            row -> {
                                counts.put(row.getString(1), row.getLong(2));
                            },
                            project);
                    return counts;
                }));
    }

    private long count(UUID tenant, String sql, Object... args) {
        return TenantContext.callAs(
                tenant, () -> transactions.execute(status -> jdbc.queryForObject(sql, Long.class, args)));
    }

    private <T> List<T> jdbc(UUID tenant, String sql, Class<T> type, Object... args) {
        return TenantContext.callAs(tenant, () -> transactions.execute(status -> jdbc.queryForList(sql, type, args)));
    }
}
