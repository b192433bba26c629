package com.propcloud.pms.asset.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.propcloud.pms.common.tenant.TenantContext;
import com.propcloud.pms.test.UsesPmsInfrastructure;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo registry: the sizes the issue asks for, ids derived from codes (the same as user-service's
 * seed derives for the demo staff's projects), and a second run changes nothing.
 */
@SpringBootTest(properties = "pms.seed.demo=true")
@Import(DemoTenants.class)
@UsesPmsInfrastructure
class DemoRegistrySeedIT {

    static final UUID DEMO = DemoTenants.DEMO;
    static final UUID ACME = DemoTenants.ACME;

    @Autowired
    DemoRegistrySeed seed;

    @Autowired
    ProjectRepository projects;

    @Autowired
    UnitRepository units;

    @Autowired
    BuildingRepository buildings;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void seedsTheDemoPortfolioOnceWithDerivedIds() {
        // the seed starts by itself once the application is ready; acme comes last
        await().atMost(Duration.ofMinutes(2))
                .until(() -> TenantContext.callAs(ACME, () -> transactions.execute(status -> units.count())) == 288);
        assertThat(seed.seedAll())
                .as("a second run, which finds everything there")
                .isTrue();

        UUID garden = DemoRegistrySeed.projectId("demo", "EMERALD-LAKE");
        UUID tower = DemoRegistrySeed.projectId("demo", "HUIJIN-TOWER");
        UUID pine = DemoRegistrySeed.projectId("acme", "PINE-COURT");
        assertThat(garden).isEqualTo(UUID.nameUUIDFromBytes("pms-demo-project:demo:EMERALD-LAKE".getBytes()));

        TenantContext.runAs(
                DEMO,
                () -> transactions.executeWithoutResult(status -> {
                    assertThat(projects.findAll()).extracting(Project::id).containsExactlyInAnyOrder(garden, tower);
                    assertThat(buildings.findAll()).hasSize(13);
                    assertThat(units.findAll())
                            .hasSize(2016 + 300)
                            .filteredOn(unit -> unit.projectId().equals(garden))
                            .hasSize(2016);
                    assertThat(units.findById(DemoRegistrySeed.unitId("demo", "EMERALD-LAKE", "B03", "2-1504")))
                            .hasValueSatisfying(
                                    unit -> assertThat(unit.details().floor()).isEqualTo(15));
                }));
        TenantContext.runAs(
                ACME,
                () -> transactions.executeWithoutResult(status -> {
                    assertThat(projects.findAll()).extracting(Project::id).containsExactly(pine);
                    assertThat(units.count()).isEqualTo(288);
                }));
    }
}
