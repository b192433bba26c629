package com.propcloud.pms.asset.registry;

import com.propcloud.pms.common.messaging.outbox.Outbox;
import com.propcloud.pms.common.problem.BusinessRuleViolation;
import com.propcloud.pms.common.problem.NotFoundException;
import com.propcloud.pms.common.security.DataScope;
import com.propcloud.pms.common.tenant.TenantContext;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
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
 * Projects of the current tenant within the caller's data scope: HQ admins reach every project, other
 * staff the projects their token names; any other project is answered exactly as a missing one. Every
 * change leaves an {@code asset.project.*} event through the outbox in the same transaction.
 */
@Service
class ProjectService {

    private final ProjectRepository projects;
    private final RegionRepository regions;
    private final BuildingRepository buildings;
    private final ProjectTreeCache trees;
    private final PlanLimits limits;
    private final Outbox outbox;
    private final Clock clock;

    ProjectService(
            ProjectRepository projects,
            RegionRepository regions,
            BuildingRepository buildings,
            ProjectTreeCache trees,
            PlanLimits limits,
            Outbox outbox,
            Clock clock) {
        this.projects = projects;
        this.regions = regions;
        this.buildings = buildings;
        this.trees = trees;
        this.limits = limits;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Filters of the project list; a null one does not restrict. */
    record Filter(
            @Nullable UUID regionId,
            @Nullable ProjectType type,
            @Nullable ProjectStatus status) {}

    @Transactional
    Project create(Project.Details details) {
        requireRegion(details.regionId());
        if (projects.existsByCode(details.code().strip())) {
            throw codeTaken();
        }
        UUID tenant = TenantContext.require();
        // locks the tenant until this transaction ends, so a racing creation counts this project
        limits.requireRoomForProject(tenant);
        Project project = projects.saveAndFlush(Project.open(tenant, details, now()));
        publish(ProjectChangedV1.CREATED, project);
        return project;
    }

    @Transactional(readOnly = true)
    Page<Project> list(Filter filter, Pageable pageable, DataScope scope) {
        Specification<Project> query = RegistryQueries.<Project>inScope(scope, "id")
                .and(RegistryQueries.equal("regionId", filter.regionId()))
                .and(RegistryQueries.equal("type", filter.type()))
                .and(RegistryQueries.equal("status", filter.status()));
        return projects.findAll(query, pageable);
    }

    @Transactional(readOnly = true)
    Project get(UUID id, DataScope scope) {
        return projects.findById(id)
                .filter(project -> scope.coversProject(project.id()))
                .orElseThrow(() -> new NotFoundException("Project", id));
    }

    @Transactional
    Project change(UUID id, UnaryOperator<Project.Details> change, DataScope scope) {
        Project project = get(id, scope);
        Project.Details details = change.apply(project.details());
        if (!Objects.equals(details.regionId(), project.details().regionId())) {
            requireRegion(details.regionId());
        }
        if (projects.existsByCodeAndIdNot(details.code().strip(), id)) {
            throw codeTaken();
        }
        project.apply(details, now());
        projects.saveAndFlush(project);
        publish(ProjectChangedV1.UPDATED, project);
        return project;
    }

    /** Only an empty project goes: its buildings (and so its units) must be deleted first. */
    @Transactional
    void delete(UUID id, DataScope scope) {
        Project project = get(id, scope);
        if (buildings.existsByProjectId(id)) {
            throw new BusinessRuleViolation(
                    RegistryCodes.PROJECT_HAS_BUILDINGS, "The project still has buildings; delete them first");
        }
        projects.delete(project);
        projects.flush();
        publish(ProjectChangedV1.DELETED, project);
        trees.invalidateAfterCommit(id);
    }

    private void requireRegion(@Nullable UUID regionId) {
        if (regionId != null && !regions.existsById(regionId)) {
            throw new BusinessRuleViolation(
                    RegistryCodes.PROJECT_REGION_NOT_FOUND, HttpStatus.UNPROCESSABLE_CONTENT, "No such region");
        }
    }

    private void publish(String type, Project project) {
        outbox.append(type, project.id(), project.id(), ProjectChangedV1.of(project), ProjectChangedV1.VERSION);
    }

    private static BusinessRuleViolation codeTaken() {
        return new BusinessRuleViolation(RegistryCodes.PROJECT_CODE_TAKEN, "A project with this code exists");
    }

    private Instant now() {
        // the database keeps microseconds: answer with what a later read returns
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
