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
 * Buildings within the caller's data scope (their project's). A change leaves an {@code
 * asset.building.*} event and invalidates the project's tree once committed.
 */
@Service
class BuildingService {

    private final BuildingRepository buildings;
    private final ProjectRepository projects;
    private final UnitRepository units;
    private final ProjectTreeCache trees;
    private final Outbox outbox;
    private final Clock clock;

    BuildingService(
            BuildingRepository buildings,
            ProjectRepository projects,
            UnitRepository units,
            ProjectTreeCache trees,
            Outbox outbox,
            Clock clock) {
        this.buildings = buildings;
        this.projects = projects;
        this.units = units;
        this.trees = trees;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * A new building in a project the caller reaches. The body, not the path, names the project, so a
     * project out of reach is 422 like a missing one, as workorder does: the answer reveals nothing.
     */
    @Transactional
    Building create(UUID projectId, Building.Details details, DataScope scope) {
        if (!scope.coversProject(projectId) || !projects.existsById(projectId)) {
            throw new BusinessRuleViolation(
                    RegistryCodes.BUILDING_PROJECT_NOT_FOUND, HttpStatus.UNPROCESSABLE_CONTENT, "No such project");
        }
        if (buildings.existsByProjectIdAndCode(projectId, details.code().strip())) {
            throw codeTaken();
        }
        Building building = buildings.saveAndFlush(Building.open(TenantContext.require(), projectId, details, now()));
        changed(BuildingChangedV1.CREATED, building);
        return building;
    }

    @Transactional(readOnly = true)
    Page<Building> list(@Nullable UUID projectId, Pageable pageable, DataScope scope) {
        Specification<Building> query = RegistryQueries.<Building>inScope(scope, "projectId")
                .and(RegistryQueries.equal("projectId", projectId));
        return buildings.findAll(query, pageable);
    }

    @Transactional(readOnly = true)
    Building get(UUID id, DataScope scope) {
        return buildings
                .findById(id)
                .filter(building -> scope.coversProject(building.projectId()))
                .orElseThrow(() -> new NotFoundException("Building", id));
    }

    /** Fewer floors than its units use is refused by the database (building.floors-exclude-units). */
    @Transactional
    Building change(UUID id, UnaryOperator<Building.Details> change, DataScope scope) {
        Building building = get(id, scope);
        Building.Details details = change.apply(building.details());
        if (buildings.existsByProjectIdAndCodeAndIdNot(
                building.projectId(), details.code().strip(), id)) {
            throw codeTaken();
        }
        building.apply(details, now());
        buildings.saveAndFlush(building);
        changed(BuildingChangedV1.UPDATED, building);
        return building;
    }

    /** Only an empty building goes: its units must be deleted first. */
    @Transactional
    void delete(UUID id, DataScope scope) {
        Building building = get(id, scope);
        if (units.existsByBuildingId(id)) {
            throw new BusinessRuleViolation(
                    RegistryCodes.BUILDING_HAS_UNITS, "The building still has units; delete them first");
        }
        buildings.delete(building);
        buildings.flush();
        changed(BuildingChangedV1.DELETED, building);
    }

    private void changed(String type, Building building) {
        outbox.append(
                type, building.id(), building.projectId(), BuildingChangedV1.of(building), BuildingChangedV1.VERSION);
        trees.invalidateAfterCommit(building.projectId());
    }

    private static BusinessRuleViolation codeTaken() {
        return new BusinessRuleViolation(
                RegistryCodes.BUILDING_CODE_TAKEN, "The project has a building with this code");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
