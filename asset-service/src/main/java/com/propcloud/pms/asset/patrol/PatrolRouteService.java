package com.propcloud.pms.asset.patrol;

import com.propcloud.pms.asset.maintenance.Skill;
import com.propcloud.pms.asset.registry.RegistryLookup;
import com.propcloud.pms.asset.registry.RegistryQueries;
import com.propcloud.pms.asset.schedule.ScheduleProperties;
import com.propcloud.pms.common.problem.BusinessRuleViolation;
import com.propcloud.pms.common.problem.NotFoundException;
import com.propcloud.pms.common.security.DataScope;
import com.propcloud.pms.common.tenant.TenantContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Patrol routes within the caller's data scope (their projects). */
@Service
class PatrolRouteService {

    private final PatrolRouteRepository routes;
    private final RegistryLookup registry;
    private final ScheduleProperties schedule;
    private final Clock clock;

    PatrolRouteService(
            PatrolRouteRepository routes, RegistryLookup registry, ScheduleProperties schedule, Clock clock) {
        this.routes = routes;
        this.registry = registry;
        this.schedule = schedule;
        this.clock = clock;
    }

    record Filter(
            @Nullable UUID projectId,
            @Nullable Skill skill,
            @Nullable String role) {}

    /** A project out of reach is 422 like a missing one. */
    @Transactional
    PatrolRoute create(UUID projectId, PatrolRoute.Details details, DataScope scope) {
        return create(UUID.randomUUID(), projectId, details, scope);
    }

    /** The same with an id of the caller's choosing: the demo seed's name-based ones. */
    @Transactional
    PatrolRoute create(UUID id, UUID projectId, PatrolRoute.Details details, DataScope scope) {
        if (!scope.coversProject(projectId) || !registry.projectExists(projectId)) {
            throw new BusinessRuleViolation(
                    PatrolCodes.PROJECT_NOT_FOUND, HttpStatus.UNPROCESSABLE_CONTENT, "No such project");
        }
        if (routes.existsByProjectIdAndName(projectId, details.name().strip())) {
            throw nameTaken();
        }
        // a random id stands for "no route yet": every existing checkpoint counts
        requireCodesFree(details.checkpoints(), UUID.randomUUID());
        return routes.saveAndFlush(
                PatrolRoute.create(id, TenantContext.require(), projectId, details, schedule.zone(), now()));
    }

    @Transactional(readOnly = true)
    Page<PatrolRoute> list(Filter filter, Pageable pageable, DataScope scope) {
        Specification<PatrolRoute> query = RegistryQueries.<PatrolRoute>inScope(scope, "projectId")
                .and(RegistryQueries.equal("projectId", filter.projectId()))
                .and(RegistryQueries.equal("skill", filter.skill()))
                .and(RegistryQueries.equal("role", filter.role()));
        return routes.findAll(query, pageable);
    }

    @Transactional(readOnly = true)
    PatrolRoute get(UUID id, DataScope scope) {
        return routes.findById(id)
                .filter(route -> scope.coversProject(route.projectId()))
                .orElseThrow(() -> new NotFoundException("PatrolRoute", id));
    }

    @Transactional
    PatrolRoute change(UUID id, UnaryOperator<PatrolRoute.Details> change, DataScope scope) {
        PatrolRoute route = get(id, scope);
        PatrolRoute.Details details = change.apply(route.details());
        if (routes.existsByProjectIdAndNameAndIdNot(
                route.projectId(), details.name().strip(), id)) {
            throw nameTaken();
        }
        requireCodesFree(details.checkpoints(), id);
        route.apply(details, schedule.zone(), now());
        return routes.saveAndFlush(route);
    }

    @Transactional
    void delete(UUID id, DataScope scope) {
        routes.delete(get(id, scope));
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), schedule.zone());
    }

    /** Codes are unique in the tenant: within the route, and against every other route's. */
    private void requireCodesFree(List<PatrolRoute.Stop> stops, UUID routeId) {
        List<String> codes = stops.stream().map(s -> s.code().strip()).toList();
        if (new HashSet<>(codes).size() < codes.size() || routes.anyCodeTakenElsewhere(codes, routeId)) {
            throw new BusinessRuleViolation(
                    PatrolCodes.CHECKPOINT_CODE_TAKEN, "A checkpoint code is used twice or by another route");
        }
    }

    private static BusinessRuleViolation nameTaken() {
        return new BusinessRuleViolation(PatrolCodes.NAME_TAKEN, "The project has a route with this name");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
