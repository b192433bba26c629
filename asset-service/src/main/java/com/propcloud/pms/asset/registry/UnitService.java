package com.propcloud.pms.asset.registry;

import com.propcloud.pms.common.messaging.outbox.Outbox;
import com.propcloud.pms.common.problem.BusinessRuleViolation;
import com.propcloud.pms.common.problem.NotFoundException;
import com.propcloud.pms.common.security.DataScope;
import com.propcloud.pms.common.tenant.TenantContext;
import java.time.Clock;
import java.time.Instant;
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
 * Units within the caller's data scope (their project's). A change leaves an {@code asset.unit.*} event
 * and invalidates the project's tree once committed.
 */
@Service
class UnitService {

    private final UnitRepository units;
    private final BuildingRepository buildings;
    private final ProjectTreeCache trees;
    private final PlanLimits limits;
    private final Outbox outbox;
    private final Clock clock;

    UnitService(
            UnitRepository units,
            BuildingRepository buildings,
            ProjectTreeCache trees,
            PlanLimits limits,
            Outbox outbox,
            Clock clock) {
        this.units = units;
        this.buildings = buildings;
        this.trees = trees;
        this.limits = limits;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Filters of the unit list; a null one does not restrict. */
    record Filter(
            @Nullable UUID projectId,
            @Nullable UUID buildingId,
            @Nullable UnitStatus status,
            @Nullable UnitType type,
            @Nullable String numberPrefix) {}

    /** A body naming a building out of reach is 422 like a missing one (see BuildingService#create). */
    @Transactional
    Unit create(UUID buildingId, Unit.Details details, DataScope scope) {
        Building building = buildings
                .findById(buildingId)
                .filter(b -> scope.coversProject(b.projectId()))
                .orElseThrow(() -> new BusinessRuleViolation(
                        RegistryCodes.UNIT_BUILDING_NOT_FOUND, HttpStatus.UNPROCESSABLE_CONTENT, "No such building"));
        if (units.existsByBuildingIdAndNumber(buildingId, details.number().strip())) {
            throw numberTaken();
        }
        UUID tenant = TenantContext.require();
        // locks the tenant until this transaction ends, so a racing creation (or import) counts this unit
        limits.requireRoomForUnits(tenant, 1);
        Unit unit = units.saveAndFlush(Unit.open(tenant, building, details, now()));
        changed(UnitChangedV1.CREATED, unit);
        return unit;
    }

    @Transactional(readOnly = true)
    Page<Unit> list(Filter filter, Pageable pageable, DataScope scope) {
        Specification<Unit> query = RegistryQueries.<Unit>inScope(scope, "projectId")
                .and(RegistryQueries.equal("projectId", filter.projectId()))
                .and(RegistryQueries.equal("buildingId", filter.buildingId()))
                .and(RegistryQueries.equal("status", filter.status()))
                .and(RegistryQueries.equal("type", filter.type()))
                .and(numberStartsWith(filter.numberPrefix()));
        return units.findAll(query, pageable);
    }

    @Transactional(readOnly = true)
    Unit get(UUID id, DataScope scope) {
        return units.findById(id)
                .filter(unit -> scope.coversProject(unit.projectId()))
                .orElseThrow(() -> new NotFoundException("Unit", id));
    }

    @Transactional
    Unit change(UUID id, UnaryOperator<Unit.Details> change, DataScope scope) {
        Unit unit = get(id, scope);
        Unit.Details details = change.apply(unit.details());
        if (units.existsByBuildingIdAndNumberAndIdNot(
                unit.buildingId(), details.number().strip(), id)) {
            throw numberTaken();
        }
        // the unit's own building, in scope since the unit is
        Building building = buildings.findById(unit.buildingId()).orElseThrow();
        unit.apply(building, details, now());
        units.saveAndFlush(unit);
        changed(UnitChangedV1.UPDATED, unit);
        return unit;
    }

    @Transactional
    void delete(UUID id, DataScope scope) {
        Unit unit = get(id, scope);
        units.delete(unit);
        units.flush();
        changed(UnitChangedV1.DELETED, unit);
    }

    /** Prefix search on the number; LIKE's wildcards in the input match only themselves. */
    private static Specification<Unit> numberStartsWith(@Nullable String prefix) {
        return (root, query, cb) -> {
            if (prefix == null || prefix.isBlank()) {
                return cb.conjunction();
            }
            String escaped =
                    prefix.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            return cb.like(root.get("number"), escaped + "%", '\\');
        };
    }

    private void changed(String type, Unit unit) {
        outbox.append(type, unit.id(), unit.projectId(), UnitChangedV1.of(unit), UnitChangedV1.VERSION);
        trees.invalidateAfterCommit(unit.projectId());
    }

    private static BusinessRuleViolation numberTaken() {
        return new BusinessRuleViolation(RegistryCodes.UNIT_NUMBER_TAKEN, "The building has a unit with this number");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
