package com.propcloud.pms.asset.registry;

import com.propcloud.pms.common.messaging.outbox.Outbox;
import com.propcloud.pms.common.tenant.TenantContext;
import com.propcloud.pms.common.tenant.directory.TenantDirectory;
import com.propcloud.pms.common.tenant.directory.TenantEntry;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo tenants' registry, for local runs and tests ({@code pms.seed.demo=true}); production seeds
 * nothing. {@code demo}: 翠湖花园 Emerald Lake Garden (residential, 12 buildings, 2,016 units) and
 * 汇金中心 Huijin Center (an office tower, 300 units), both in the region 华东区; {@code acme}: 松风苑
 * Pine Court (residential, 4 buildings, 288 units).
 *
 * <p>Deterministic: every id is a name-based UUID of the tenant code and the natural keys (project
 * code, building code, unit number), so user-service's seed can give the demo staff these projects
 * and the occupancy seed can name these units without asking. Idempotent per project: a project
 * that exists is left as it is. The tenants come from user-service (through the tenant directory),
 * so the seed waits for them, retrying in the background, and the service starts meanwhile. Written
 * through the entities and the outbox like any change, so other services hear of every project,
 * building and unit. Once a tenant's projects exist (every run), it publishes {@link
 * DemoRegistrySeeded}, on which the other features seed their own demo data.
 */
@Component
@ConditionalOnBooleanProperty("pms.seed.demo")
class DemoRegistrySeed {

    private static final Logger log = LoggerFactory.getLogger(DemoRegistrySeed.class);

    private static final Duration RETRY = Duration.ofSeconds(5);
    private static final int MAX_ATTEMPTS = 120;

    /** One residential layout: a flat of the floor plan, by its position on the floor. */
    private record Layout(String gross, String inner) {}

    private static final List<Layout> RESIDENTIAL_LAYOUTS =
            List.of(new Layout("128.56", "102.30"), new Layout("96.40", "78.12"), new Layout("89.75", "72.48"));

    private final ProjectRepository projects;
    private final RegionRepository regions;
    private final BuildingRepository buildings;
    private final UnitRepository units;
    private final ProjectTreeCache trees;
    private final Outbox outbox;
    private final TenantDirectory tenants;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    DemoRegistrySeed(
            ProjectRepository projects,
            RegionRepository regions,
            BuildingRepository buildings,
            UnitRepository units,
            ProjectTreeCache trees,
            Outbox outbox,
            TenantDirectory tenants,
            TransactionTemplate transactions,
            Clock clock,
            ApplicationEventPublisher events) {
        this.projects = projects;
        this.regions = regions;
        this.buildings = buildings;
        this.units = units;
        this.trees = trees;
        this.outbox = outbox;
        this.tenants = tenants;
        this.transactions = transactions;
        this.clock = clock;
        this.events = events;
    }

    /** The id of a demo project: the same derivation as user-service's demo seed. */
    static UUID projectId(String tenantCode, String projectCode) {
        return nameId("pms-demo-project:" + tenantCode + ":" + projectCode);
    }

    static UUID unitId(String tenantCode, String projectCode, String buildingCode, String number) {
        return nameId("pms-demo-unit:" + tenantCode + ":" + projectCode + ":" + buildingCode + ":" + number);
    }

    @EventListener(ApplicationReadyEvent.class)
    void seedInTheBackground() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "demo-registry-seed");
            thread.setDaemon(true);
            return thread;
        });
        executor.execute(new Runnable() {
            private int attempts;

            @Override
            public void run() {
                try {
                    if (seedAll()) {
                        executor.shutdown();
                    } else if (++attempts < MAX_ATTEMPTS) {
                        executor.schedule(this, RETRY.toMillis(), TimeUnit.MILLISECONDS);
                    } else {
                        log.warn("Demo registry not seeded: the demo tenants never appeared");
                        executor.shutdown();
                    }
                } catch (RuntimeException failure) {
                    log.warn("Demo registry seed failed; retrying: {}", failure.toString());
                    executor.schedule(this, RETRY.toMillis(), TimeUnit.MILLISECONDS);
                }
            }
        });
    }

    /**
     * @return whether both tenants were there (and are now seeded); synchronized, so a run started by
     *     hand waits for the background one (and its listeners) instead of racing it
     */
    synchronized boolean seedAll() {
        Optional<TenantEntry> demo = tenants.findByCode("demo");
        Optional<TenantEntry> acme = tenants.findByCode("acme");
        if (demo.isEmpty() || acme.isEmpty()) {
            return false;
        }
        seedDemo(demo.get().id());
        events.publishEvent(new DemoRegistrySeeded(demo.get().id(), "demo", List.of("EMERALD-LAKE", "HUIJIN-TOWER")));
        seedAcme(acme.get().id());
        events.publishEvent(new DemoRegistrySeeded(acme.get().id(), "acme", List.of("PINE-COURT")));
        log.info("Demo registry ready: tenants 'demo' and 'acme'");
        return true;
    }

    private void seedDemo(UUID tenant) {
        TenantContext.runAs(tenant, () -> {
            UUID eastChina = transactions.execute(status -> regions.findById(nameId("pms-demo-region:demo:east"))
                    .orElseGet(() -> regions.saveAndFlush(
                            Region.create(nameId("pms-demo-region:demo:east"), tenant, "华东区 East China", now())))
                    .id());
            seedProject(
                    "demo",
                    new Project.Details(
                            eastChina,
                            "EMERALD-LAKE",
                            "翠湖花园 Emerald Lake Garden",
                            ProjectType.RESIDENTIAL,
                            "杭州市西湖区翠湖路88号",
                            new BigDecimal("30.259100"),
                            new BigDecimal("120.130500"),
                            new BigDecimal("245000.00"),
                            LocalDate.of(2024, 1, 1),
                            LocalDate.of(2028, 12, 31),
                            ProjectStatus.ACTIVE),
                    residentialBuildings(12, 28, 2));
            seedProject(
                    "demo",
                    new Project.Details(
                            eastChina,
                            "HUIJIN-TOWER",
                            "汇金中心 Huijin Center",
                            ProjectType.OFFICE,
                            "杭州市上城区钱江路1号",
                            new BigDecimal("30.245600"),
                            new BigDecimal("120.210300"),
                            new BigDecimal("68000.00"),
                            LocalDate.of(2025, 7, 1),
                            LocalDate.of(2030, 6, 30),
                            ProjectStatus.ACTIVE),
                    List.of(officeTower()));
        });
    }

    private void seedAcme(UUID tenant) {
        TenantContext.runAs(
                tenant,
                () -> seedProject(
                        "acme",
                        new Project.Details(
                                null,
                                "PINE-COURT",
                                "松风苑 Pine Court",
                                ProjectType.RESIDENTIAL,
                                "苏州市工业园区松风路18号",
                                new BigDecimal("31.316200"),
                                new BigDecimal("120.714800"),
                                new BigDecimal("26000.00"),
                                LocalDate.of(2025, 1, 1),
                                LocalDate.of(2027, 12, 31),
                                ProjectStatus.ACTIVE),
                        residentialBuildings(4, 12, 1)));
    }

    /** A building and its units, before ids. */
    private record BuildingPlan(Building.Details details, List<Unit.Details> units) {}

    private void seedProject(String tenantCode, Project.Details details, List<BuildingPlan> plan) {
        UUID projectId = projectId(tenantCode, details.code());
        UUID tenant = TenantContext.require();
        boolean created = Boolean.TRUE.equals(transactions.execute(status -> {
            if (projects.existsById(projectId)) {
                return false;
            }
            Project project = projects.saveAndFlush(Project.open(projectId, tenant, details, now()));
            outbox.append(
                    ProjectChangedV1.CREATED,
                    project.id(),
                    project.id(),
                    ProjectChangedV1.of(project),
                    ProjectChangedV1.VERSION);
            return true;
        }));
        if (!created) {
            return;
        }
        // a transaction per building: a few hundred rows each, and a restart resumes nothing half-done
        // within a building (the project exists by then, so a crash mid-project leaves it partial:
        // acceptable for demo data, and logged)
        for (BuildingPlan building : plan) {
            transactions.executeWithoutResult(status -> seedBuilding(tenantCode, details.code(), projectId, building));
        }
        log.info(
                "Demo project {} of '{}' seeded: {} buildings, {} units",
                details.code(),
                tenantCode,
                plan.size(),
                plan.stream().mapToInt(b -> b.units().size()).sum());
    }

    private void seedBuilding(String tenantCode, String projectCode, UUID projectId, BuildingPlan plan) {
        UUID tenant = TenantContext.require();
        String code = plan.details().code();
        Building building = buildings.saveAndFlush(Building.open(
                nameId("pms-demo-building:" + tenantCode + ":" + projectCode + ":" + code),
                tenant,
                projectId,
                plan.details(),
                now()));
        List<Unit> opened = new ArrayList<>(plan.units().size());
        for (Unit.Details unit : plan.units()) {
            opened.add(Unit.open(unitId(tenantCode, projectCode, code, unit.number()), tenant, building, unit, now()));
        }
        units.saveAll(opened);
        units.flush();
        // the building's event first, then its units', in one outbox batch rather than a round trip each
        List<Outbox.Event> events = new ArrayList<>(opened.size() + 1);
        events.add(new Outbox.Event(
                BuildingChangedV1.CREATED,
                building.id(),
                projectId,
                BuildingChangedV1.of(building),
                BuildingChangedV1.VERSION));
        for (Unit unit : opened) {
            events.add(new Outbox.Event(
                    UnitChangedV1.CREATED, unit.id(), projectId, UnitChangedV1.of(unit), UnitChangedV1.VERSION));
        }
        outbox.appendAll(events);
        trees.invalidateAfterCommit(projectId);
    }

    /**
     * Residential buildings {@code 1栋…}: two entrances (单元) with three flats each per floor, numbered
     * {@code <entrance>-<floor><flat>} ({@code 2-1504}: entrance 2, floor 15, flat 4).
     */
    private static List<BuildingPlan> residentialBuildings(int count, int floors, int floorsBelow) {
        List<BuildingPlan> plans = new ArrayList<>(count);
        for (int b = 1; b <= count; b++) {
            List<Unit.Details> flats = new ArrayList<>(floors * 6);
            LocalDate handover = b <= count / 2 ? LocalDate.of(2019, 6, 30) : LocalDate.of(2020, 12, 31);
            for (int floor = 1; floor <= floors; floor++) {
                for (int flat = 1; flat <= 6; flat++) {
                    int entrance = flat <= 3 ? 1 : 2;
                    // mirror-image plans: flats 1 and 6 are the large corner ones
                    Layout layout = RESIDENTIAL_LAYOUTS.get(Math.min(flat, 7 - flat) - 1);
                    flats.add(new Unit.Details(
                            entrance + "-" + floor + String.format("%02d", flat),
                            floor,
                            entrance + "单元",
                            UnitType.APARTMENT,
                            new BigDecimal(layout.gross()),
                            new BigDecimal(layout.inner()),
                            demoStatus(b * 1000 + floor * 10 + flat),
                            handover));
                }
            }
            plans.add(new BuildingPlan(
                    new Building.Details(String.format("B%02d", b), b + "栋", floors, floorsBelow, 4), flats));
        }
        return plans;
    }

    /** The office tower: offices on floors 3 to 32, ten per floor, lobby and shops below. */
    private static BuildingPlan officeTower() {
        List<Unit.Details> offices = new ArrayList<>(300);
        for (int floor = 3; floor <= 32; floor++) {
            for (int office = 1; office <= 10; office++) {
                BigDecimal gross = new BigDecimal(150 + office * 11).setScale(2);
                offices.add(new Unit.Details(
                        floor + String.format("%02d", office),
                        floor,
                        null,
                        UnitType.OFFICE,
                        gross,
                        gross.multiply(new BigDecimal("0.78")).setScale(2, java.math.RoundingMode.HALF_UP),
                        demoStatus(floor * 100 + office) == UnitStatus.OCCUPIED ? UnitStatus.RENTED : UnitStatus.VACANT,
                        LocalDate.of(2025, 7, 1)));
            }
        }
        return new BuildingPlan(new Building.Details("T1", "汇金中心主楼 Main Tower", 32, 3, 8), offices);
    }

    /** Mostly occupied, some rented, vacant and being renovated; spread evenly and the same every time. */
    private static UnitStatus demoStatus(int seed) {
        int slot = Math.floorMod(seed * 7919, 50);
        if (slot < 4) {
            return UnitStatus.VACANT;
        }
        if (slot < 9) {
            return UnitStatus.RENTED;
        }
        if (slot < 10) {
            return UnitStatus.RENOVATING;
        }
        return UnitStatus.OCCUPIED;
    }

    private static UUID nameId(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
