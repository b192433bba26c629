package com.propcloud.pms.asset.renovation;

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
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Renovation filings: staff file for an occupant and decide within their scope; an owner files for a
 * unit they hold now and follows its filings. The applicant always holds the unit at filing time. Filing
 * and each step leave an {@code asset.renovation.*} event; a repeated step, which changes nothing, leaves
 * none.
 */
@Service
class RenovationService {

    private final RenovationRepository renovations;
    private final RegistryDirectory registry;
    private final OccupancyDirectory occupancy;
    private final Outbox outbox;
    private final Clock clock;

    RenovationService(
            RenovationRepository renovations,
            RegistryDirectory registry,
            OccupancyDirectory occupancy,
            Outbox outbox,
            Clock clock) {
        this.renovations = renovations;
        this.registry = registry;
        this.occupancy = occupancy;
        this.outbox = outbox;
        this.clock = clock;
    }

    record Filter(
            @Nullable UUID projectId,
            @Nullable UUID unitId,
            @Nullable RenovationStatus status) {}

    /** Staff filing on an occupant's behalf; a unit out of reach is 422 like a missing one. */
    @Transactional
    Renovation file(Renovation.Application application, DataScope scope) {
        var unit = registry.unit(application.unitId())
                .filter(u -> scope.coversProject(u.projectId()))
                .orElseThrow(() -> new BusinessRuleViolation(
                        RenovationCodes.UNIT_NOT_FOUND, HttpStatus.UNPROCESSABLE_CONTENT, "No such unit"));
        if (!occupancy.occupies(application.applicantId(), unit.id())) {
            throw new BusinessRuleViolation(
                    RenovationCodes.APPLICANT_NOT_OCCUPANT,
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "The applicant does not hold this unit");
        }
        return submitted(Renovation.submit(TenantContext.require(), unit.projectId(), application, now()));
    }

    /** An owner filing for a unit they hold now; any other unit is not found (404). */
    @Transactional
    Renovation fileAsOwner(UUID unitId, Renovation.Application application, DataScope owner) {
        var unit = heldUnit(unitId, owner);
        return submitted(Renovation.submit(TenantContext.require(), unit.projectId(), application, now()));
    }

    @Transactional(readOnly = true)
    Page<Renovation> listForOwner(UUID unitId, Pageable pageable, DataScope owner) {
        heldUnit(unitId, owner);
        return renovations.findByUnitId(unitId, pageable);
    }

    @Transactional(readOnly = true)
    Renovation getForOwner(UUID unitId, UUID id, DataScope owner) {
        heldUnit(unitId, owner);
        return renovations
                .findById(id)
                .filter(r -> r.unitId().equals(unitId))
                .orElseThrow(() -> new NotFoundException("Renovation", id));
    }

    @Transactional(readOnly = true)
    Page<Renovation> list(Filter filter, Pageable pageable, DataScope scope) {
        Specification<Renovation> query = inScope(scope)
                .and(equal("projectId", filter.projectId()))
                .and(equal("unitId", filter.unitId()))
                .and(equal("status", filter.status()));
        return renovations.findAll(query, pageable);
    }

    @Transactional(readOnly = true)
    Renovation get(UUID id, DataScope scope) {
        return renovations
                .findById(id)
                .filter(r -> scope.coversProject(r.projectId()))
                .orElseThrow(() -> new NotFoundException("Renovation", id));
    }

    @Transactional
    Renovation approve(UUID id, DataScope scope) {
        return step(id, scope, r -> r.approve(scope.subject(), now()));
    }

    @Transactional
    Renovation reject(UUID id, String reason, DataScope scope) {
        return step(id, scope, r -> r.reject(reason, scope.subject(), now()));
    }

    @Transactional
    Renovation complete(UUID id, DataScope scope) {
        return step(id, scope, r -> r.complete(now()));
    }

    private Renovation submitted(Renovation filing) {
        Renovation saved = renovations.saveAndFlush(filing);
        changed(saved);
        return saved;
    }

    private Renovation step(UUID id, DataScope scope, Consumer<Renovation> action) {
        Renovation renovation = get(id, scope);
        RenovationStatus before = renovation.status();
        action.accept(renovation);
        renovations.saveAndFlush(renovation);
        if (renovation.status() != before) {
            changed(renovation);
        }
        return renovation;
    }

    private void changed(Renovation r) {
        outbox.append(
                RenovationChangedV1.type(r.status()),
                r.id(),
                r.projectId(),
                RenovationChangedV1.of(r),
                RenovationChangedV1.VERSION);
    }

    private RegistryDirectory.UnitSummary heldUnit(UUID unitId, DataScope owner) {
        if (!occupancy.occupies(owner.subject(), unitId)) {
            throw new NotFoundException("Unit", unitId);
        }
        return registry.unit(unitId).orElseThrow(() -> new NotFoundException("Unit", unitId));
    }

    private static Specification<Renovation> inScope(DataScope scope) {
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

    private static Specification<Renovation> equal(String attribute, @Nullable Object value) {
        return (root, query, cb) -> value == null ? cb.conjunction() : cb.equal(root.get(attribute), value);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
