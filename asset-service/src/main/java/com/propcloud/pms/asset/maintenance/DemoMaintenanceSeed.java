package com.propcloud.pms.asset.maintenance;

import com.propcloud.pms.asset.equipment.EquipmentCategory;
import com.propcloud.pms.asset.registry.DemoRegistrySeeded;
import com.propcloud.pms.asset.schedule.Cycle;
import com.propcloud.pms.asset.schedule.CycleKind;
import com.propcloud.pms.common.tenant.TenantContext;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo projects' category plans ({@code pms.seed.demo}): the water pumps monthly (on the 5th) where
 * a project has pumps ({@code EMERALD-LAKE}, {@code PINE-COURT}), the fire systems every 30 days where it
 * has them ({@code EMERALD-LAKE}, {@code HUIJIN-TOWER}). A category plan covers every item of the
 * category in its project, so it needs no ledger item to exist first; the elevators' 15-day plans come
 * with each elevator ({@link DefaultElevatorPlan}). Ids are name-based; a plan that exists is skipped.
 */
@Component
@ConditionalOnBooleanProperty("pms.seed.demo")
class DemoMaintenanceSeed {

    private static final List<String> PUMP_CHECKLIST = List.of(
            "Pressure and flow against the nameplate",
            "Seals and bearings: leaks, noise, temperature",
            "Standby pump switch-over test",
            "Control cabinet: contacts, indicators, earthing");
    private static final List<String> FIRE_CHECKLIST = List.of(
            "Alarm panel: faults, battery and mains supply",
            "Detectors and manual call points: sample test",
            "Sprinkler and hydrant pressure",
            "Fire doors, emergency lighting and exit signs");

    private record Plan(EquipmentCategory category, String name, Cycle cycle, List<String> checklist, Skill skill) {}

    private final MaintenancePlanService service;
    private final MaintenancePlanRepository plans;
    private final TransactionTemplate transactions;

    DemoMaintenanceSeed(
            MaintenancePlanService service, MaintenancePlanRepository plans, TransactionTemplate transactions) {
        this.service = service;
        this.plans = plans;
        this.transactions = transactions;
    }

    @EventListener
    void on(DemoRegistrySeeded seeded) {
        TenantContext.runAs(
                seeded.tenantId(),
                () -> transactions.executeWithoutResult(status -> {
                    for (String project : seeded.projectCodes()) {
                        for (Plan plan : plans(project)) {
                            UUID id = seeded.id("pms-demo-maintenance-plan", project + ":" + plan.category());
                            if (!plans.existsById(id)) {
                                service.create(
                                        id,
                                        seeded.projectId(project),
                                        null,
                                        plan.category(),
                                        new MaintenancePlan.Details(
                                                plan.name(),
                                                plan.cycle(),
                                                plan.checklist(),
                                                plan.skill(),
                                                MaintenancePlanRequests.DEFAULT_LEAD,
                                                true),
                                        DemoRegistrySeeded.SCOPE);
                            }
                        }
                    }
                }));
    }

    private List<Plan> plans(String projectCode) {
        boolean pumps = !projectCode.equals("HUIJIN-TOWER");
        boolean fire = !projectCode.equals("PINE-COURT");
        List<Plan> list = new ArrayList<>(2);
        if (pumps) {
            list.add(new Plan(
                    EquipmentCategory.WATER_PUMP,
                    "Water pumps: monthly service",
                    new Cycle(CycleKind.MONTHLY, null, 5, null, List.of(), service.today()),
                    PUMP_CHECKLIST,
                    Skill.PLUMBING));
        }
        if (fire) {
            list.add(new Plan(
                    EquipmentCategory.FIRE_SYSTEM,
                    "Fire systems: every 30 days",
                    Cycle.everyDays(30, service.today()),
                    FIRE_CHECKLIST,
                    Skill.ELECTRICAL));
        }
        return list;
    }
}
