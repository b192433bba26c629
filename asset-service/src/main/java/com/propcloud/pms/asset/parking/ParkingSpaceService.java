package com.propcloud.pms.asset.parking;

import com.propcloud.pms.asset.occupancy.OccupancyDirectory;
import com.propcloud.pms.asset.registry.RegistryDirectory;
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

/** Parking spaces within the caller's data scope (their projects'); a change leaves an {@code asset.parking-space.*} event. */
@Service
class ParkingSpaceService {

    private final ParkingSpaceRepository spaces;
    private final RegistryDirectory registry;
    private final OccupancyDirectory occupancy;
    private final Outbox outbox;
    private final Clock clock;

    ParkingSpaceService(
            ParkingSpaceRepository spaces,
            RegistryDirectory registry,
            OccupancyDirectory occupancy,
            Outbox outbox,
            Clock clock) {
        this.spaces = spaces;
        this.registry = registry;
        this.occupancy = occupancy;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Filters of the list; a null one does not restrict. */
    record Filter(
            @Nullable UUID projectId,
            @Nullable String zone,
            @Nullable ParkingSpaceType type,
            @Nullable ParkingSpaceStatus status,
            @Nullable UUID unitId) {}

    /** A body naming a project out of reach is 422 like a missing one, as for buildings. */
    @Transactional
    ParkingSpace create(UUID projectId, ParkingSpace.Details details, DataScope scope) {
        return create(UUID.randomUUID(), projectId, details, scope);
    }

    /** The same with an id of the caller's choosing: the demo seed's name-based ones. */
    @Transactional
    ParkingSpace create(UUID id, UUID projectId, ParkingSpace.Details details, DataScope scope) {
        if (!scope.coversProject(projectId) || !registry.projectExists(projectId)) {
            throw new BusinessRuleViolation(
                    ParkingCodes.PROJECT_NOT_FOUND, HttpStatus.UNPROCESSABLE_CONTENT, "No such project");
        }
        ParkingSpace.Details held = withHolder(projectId, details);
        if (spaces.existsByProjectIdAndZoneAndNumber(
                projectId, held.zone().strip(), held.number().strip())) {
            throw numberTaken();
        }
        ParkingSpace space =
                spaces.saveAndFlush(ParkingSpace.open(id, TenantContext.require(), projectId, held, now()));
        changed(ParkingSpaceChangedV1.CREATED, space);
        return space;
    }

    @Transactional(readOnly = true)
    Page<ParkingSpace> list(Filter filter, Pageable pageable, DataScope scope) {
        Specification<ParkingSpace> query = inScope(scope)
                .and(equal("projectId", filter.projectId()))
                .and(equal("zone", filter.zone() == null ? null : filter.zone().strip()))
                .and(equal("type", filter.type()))
                .and(equal("status", filter.status()))
                .and(equal("unitId", filter.unitId()));
        return spaces.findAll(query, pageable);
    }

    @Transactional(readOnly = true)
    ParkingSpace get(UUID id, DataScope scope) {
        return spaces.findById(id)
                .filter(space -> scope.coversProject(space.projectId()))
                .orElseThrow(() -> new NotFoundException("Parking space", id));
    }

    @Transactional
    ParkingSpace change(UUID id, UnaryOperator<ParkingSpace.Details> change, DataScope scope) {
        ParkingSpace space = get(id, scope);
        ParkingSpace.Details held = withHolder(space.projectId(), change.apply(space.details()));
        if (spaces.existsByProjectIdAndZoneAndNumberAndIdNot(
                space.projectId(), held.zone().strip(), held.number().strip(), id)) {
            throw numberTaken();
        }
        space.apply(held, now());
        spaces.saveAndFlush(space);
        changed(ParkingSpaceChangedV1.UPDATED, space);
        return space;
    }

    @Transactional
    void delete(UUID id, DataScope scope) {
        ParkingSpace space = get(id, scope);
        spaces.delete(space);
        spaces.flush();
        changed(ParkingSpaceChangedV1.DELETED, space);
    }

    /**
     * Checks the holder lies in the space's project: a stay gives its unit, a unit must be the
     * project's. Another project's unit or stay is 422 like a missing one.
     */
    private ParkingSpace.Details withHolder(UUID projectId, ParkingSpace.Details details) {
        UUID unitId = details.unitId();
        if (details.occupancyId() != null) {
            var stay = occupancy
                    .currentStay(details.occupancyId())
                    .filter(s -> s.projectId().equals(projectId))
                    .orElseThrow(() -> new BusinessRuleViolation(
                            ParkingCodes.OCCUPANT_NOT_FOUND,
                            HttpStatus.UNPROCESSABLE_CONTENT,
                            "No current occupant of this project with this id"));
            if (unitId != null && !unitId.equals(stay.unitId())) {
                throw unitNotFound();
            }
            unitId = stay.unitId();
        } else if (unitId != null
                && registry.unit(unitId)
                        .filter(u -> u.projectId().equals(projectId))
                        .isEmpty()) {
            throw unitNotFound();
        }
        return new ParkingSpace.Details(
                details.zone(), details.number(), details.type(), details.status(), unitId, details.occupancyId());
    }

    private static Specification<ParkingSpace> inScope(DataScope scope) {
        return (root, query, cb) -> switch (scope.reach()) {
            case TENANT -> cb.conjunction();
            case PROJECTS ->
                // an empty IN list is not SQL
                scope.projects().isEmpty()
                        ? cb.disjunction()
                        : root.get("projectId").in(scope.projects());
            case OWN -> cb.disjunction();
        };
    }

    private static Specification<ParkingSpace> equal(String attribute, @Nullable Object value) {
        return (root, query, cb) -> value == null ? cb.conjunction() : cb.equal(root.get(attribute), value);
    }

    private static BusinessRuleViolation unitNotFound() {
        return new BusinessRuleViolation(
                ParkingCodes.UNIT_NOT_FOUND, HttpStatus.UNPROCESSABLE_CONTENT, "No unit of this project with this id");
    }

    private static BusinessRuleViolation numberTaken() {
        return new BusinessRuleViolation(
                ParkingCodes.NUMBER_TAKEN, "The project has a space with this number in this zone");
    }

    private void changed(String type, ParkingSpace space) {
        outbox.append(
                type, space.id(), space.projectId(), ParkingSpaceChangedV1.of(space), ParkingSpaceChangedV1.VERSION);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
