package com.propcloud.pms.asset.occupancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.propcloud.pms.asset.registry.DemoTenants;
import com.propcloud.pms.common.tenant.TenantContext;
import com.propcloud.pms.test.UsesPmsInfrastructure;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo occupancy: once the registry is seeded and user-service's demo people have arrived (here
 * written straight into the projection), every home up to the last resident and every rented office
 * has its primary payer; the login owners hold two homes each; a rerun links nothing more.
 */
@SpringBootTest(properties = "pms.seed.demo=true")
@Import(DemoTenants.class)
@UsesPmsInfrastructure
class DemoOccupancySeedIT {

    static final UUID DEMO = DemoTenants.DEMO;
    static final UUID ACME = DemoTenants.ACME;

    @Autowired
    DemoOccupancySeed seed;

    @Autowired
    OccupancyRepository stays;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void theDemoPeopleBecomeThePrimaryPayersOfTheDemoUnits() {
        arrive(DEMO, "demo", IntStream.concat(IntStream.rangeClosed(1, 1900), IntStream.rangeClosed(5001, 5120)));
        arrive(ACME, "acme", IntStream.rangeClosed(1, 270));

        // homes 1–18 to the nine login owners, then one each up to resident 1900; offices to companies
        await().atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> primaryPayers(ACME) == 18 + 261 && primaryPayers(DEMO) == 18 + 1891 + rentedOffices());
        long demoPayers = primaryPayers(DEMO);

        // a rerun (another test context's seed may be linking the same tenants: retry until one run is clean)
        await().atMost(Duration.ofMinutes(1)).ignoreExceptions().until(seed::seedAll);
        assertThat(primaryPayers(DEMO)).isEqualTo(demoPayers);
        TenantContext.runAs(
                DEMO,
                () -> transactions.executeWithoutResult(status -> {
                    assertThat(stays.findByPersonIdAndMoveOutIsNull(
                                    DemoOccupancySeed.personId("demo", 1), Pageable.unpaged()))
                            .hasSize(2);
                    assertThat(stays.findByPersonIdAndMoveOutIsNull(
                                    DemoOccupancySeed.personId("demo", 10), Pageable.unpaged()))
                            .hasSize(1)
                            .allSatisfy(stay -> assertThat(stay.role()).isEqualTo(OccupancyRole.OWNER));
                    assertThat(stays.findByPersonIdAndMoveOutIsNull(
                                    DemoOccupancySeed.personId("demo", 5001), Pageable.unpaged()))
                            .isNotEmpty()
                            .allSatisfy(stay -> assertThat(stay.role()).isEqualTo(OccupancyRole.TENANT));
                }));
        // the community's 2,016 homes: 1,909 owned, the rest unsold; every rented office has a tenant
        assertThat(rentedOffices()).isPositive();
    }

    /** What user-service's events would have projected: the demo people of a tenant. */
    private void arrive(UUID tenant, String code, IntStream numbers) {
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> rows = new ArrayList<>();
        numbers.forEach(n -> rows.add(new Object[] {
            DemoOccupancySeed.personId(code, n),
            tenant,
            "Person " + n,
            "139****" + String.format("%04d", n % 10000),
            n >= 5001 ? "COMMERCIAL_TENANT" : "OWNER",
            "ACTIVE",
            now,
            now
        }));
        TenantContext.runAs(
                tenant,
                () -> transactions.executeWithoutResult(status -> jdbc.batchUpdate(
                        "insert into person (id, tenant_id, display_name, phone_masked, category, status,"
                                + " source_updated_at, received_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
                        rows)));
    }

    private long rentedOffices() {
        return TenantContext.callAs(
                DEMO,
                () -> transactions.execute(status -> jdbc.queryForObject(
                        "select count(*) from unit where type = 'OFFICE' and status = 'RENTED'", Long.class)));
    }

    private long primaryPayers(UUID tenant) {
        return TenantContext.callAs(
                tenant,
                () -> transactions.execute(status -> jdbc.queryForObject(
                        "select count(*) from occupancy where primary_payer and move_out is null", Long.class)));
    }
}
