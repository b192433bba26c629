package com.propcloud.pms.asset.maintenance;

import com.propcloud.pms.asset.equipment.EquipmentCategory;
import com.propcloud.pms.asset.equipment.EquipmentLookup;
import com.propcloud.pms.asset.registry.RegistryLookup;
import com.propcloud.pms.asset.registry.RegistryQueries;
import com.propcloud.pms.asset.schedule.Cycle;
import com.propcloud.pms.asset.schedule.CycleKind;
import com.propcloud.pms.asset.schedule.ScheduleProperties;
import com.propcloud.pms.common.problem.BusinessRuleViolation;
import com.propcloud.pms.common.problem.NotFoundException;
import com.propcloud.pms.common.security.DataScope;
import com.propcloud.pms.common.tenant.TenantContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Maintenance plans within the caller's data scope (their projects). A plan for an item lives in the
 * item's project; a plan for a category names its project. The next due time is computed here and kept
 * by the plan; the scheduler announces and advances it.
 */
@Service
class MaintenancePlanService {

    private final MaintenancePlanRepository plans;
    private final EquipmentLookup equipment;
    private final RegistryLookup registry;
    private final ScheduleProperties schedule;
    private final Clock clock;

    MaintenancePlanService(
            MaintenancePlanRepository plans,
            EquipmentLookup equipment,
            RegistryLookup registry,
            ScheduleProperties schedule,
            Clock clock) {
        this.plans = plans;
        this.equipment = equipment;
        this.registry = registry;
        this.schedule = schedule;
        this.clock = clock;
    }

    /** Filters of the plan list; a null one does not restrict. */
    record Filter(
            @Nullable UUID projectId,
            @Nullable UUID equipmentId,
            @Nullable EquipmentCategory category,
            @Nullable Skill skill) {}

    /**
     * For an item ({@code equipmentId}; a project, if named, must be the item's) or for a category within
     * a project. Anything out of reach is 422 like a missing one.
     */
    @Transactional
    MaintenancePlan create(
            @Nullable UUID projectId,
            @Nullable UUID equipmentId,
            @Nullable EquipmentCategory category,
            MaintenancePlan.Details details,
            DataScope scope) {
        return create(UUID.randomUUID(), projectId, equipmentId, category, details, scope);
    }

    /** The same with an id of the caller's choosing: the demo seed's name-based ones. */
    @Transactional
    MaintenancePlan create(
            UUID id,
            @Nullable UUID projectId,
            @Nullable UUID equipmentId,
            @Nullable EquipmentCategory category,
            MaintenancePlan.Details details,
            DataScope scope) {
        if ((equipmentId == null) == (category == null)) {
            throw new BusinessRuleViolation(
                    MaintenanceCodes.TARGET_INVALID,
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "A plan is for one item (equipmentId) or for a category within a project, not both");
        }
        UUID project;
        if (equipmentId != null) {
            project = equipment
                    .find(equipmentId)
                    .filter(item -> scope.coversProject(item.projectId()))
                    .filter(item -> projectId == null || projectId.equals(item.projectId()))
                    .orElseThrow(() -> new BusinessRuleViolation(
                            MaintenanceCodes.EQUIPMENT_NOT_FOUND,
                            HttpStatus.UNPROCESSABLE_CONTENT,
                            "No such equipment"))
                    .projectId();
        } else if (projectId != null && scope.coversProject(projectId) && registry.projectExists(projectId)) {
            project = projectId;
        } else {
            throw new BusinessRuleViolation(
                    MaintenanceCodes.PROJECT_NOT_FOUND, HttpStatus.UNPROCESSABLE_CONTENT, "No such project");
        }
        return save(id, project, equipmentId, category, details);
    }

    /** The plans regulation asks of a new item, created by the ledger's in-process event. */
    @Transactional
    MaintenancePlan createFor(UUID projectId, UUID equipmentId, MaintenancePlan.Details details) {
        return save(UUID.randomUUID(), projectId, equipmentId, null, details);
    }

    private MaintenancePlan save(
            UUID id,
            UUID projectId,
            @Nullable UUID equipmentId,
            @Nullable EquipmentCategory category,
            MaintenancePlan.Details details) {
        requireDayBased(details.cycle());
        return plans.saveAndFlush(MaintenancePlan.create(
                id, TenantContext.require(), projectId, equipmentId, category, details, schedule.zone(), now()));
    }

    @Transactional(readOnly = true)
    Page<MaintenancePlan> list(Filter filter, Pageable pageable, DataScope scope) {
        Specification<MaintenancePlan> query = RegistryQueries.<MaintenancePlan>inScope(scope, "projectId")
                .and(RegistryQueries.equal("projectId", filter.projectId()))
                .and(RegistryQueries.equal("equipmentId", filter.equipmentId()))
                .and(RegistryQueries.equal("category", filter.category()))
                .and(RegistryQueries.equal("skill", filter.skill()));
        return plans.findAll(query, pageable);
    }

    @Transactional(readOnly = true)
    MaintenancePlan get(UUID id, DataScope scope) {
        return plans.findById(id)
                .filter(plan -> scope.coversProject(plan.projectId()))
                .orElseThrow(() -> new NotFoundException("MaintenancePlan", id));
    }

    @Transactional
    MaintenancePlan change(UUID id, UnaryOperator<MaintenancePlan.Details> change, DataScope scope) {
        MaintenancePlan plan = get(id, scope);
        MaintenancePlan.Details details = change.apply(plan.details());
        requireDayBased(details.cycle());
        plan.apply(details, schedule.zone(), now());
        return plans.saveAndFlush(plan);
    }

    @Transactional
    void delete(UUID id, DataScope scope) {
        plans.delete(get(id, scope));
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), schedule.zone());
    }

    /** Plans keep no times of day: maintenance is planned by the day (or by cron for exact times). */
    private static void requireDayBased(Cycle cycle) {
        if (cycle.kind() == CycleKind.TIMES_OF_DAY) {
            throw new BusinessRuleViolation(
                    Cycle.INVALID,
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "Maintenance plans recur every N days, monthly or by cron; times of day are for patrols");
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
