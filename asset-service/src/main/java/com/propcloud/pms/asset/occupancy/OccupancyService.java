package com.propcloud.pms.asset.occupancy;

import com.propcloud.pms.asset.registry.RegistryDirectory;
import com.propcloud.pms.asset.registry.RegistryDirectory.UnitSummary;
import com.propcloud.pms.common.messaging.outbox.Outbox;
import com.propcloud.pms.common.problem.BusinessRuleViolation;
import com.propcloud.pms.common.problem.NotFoundException;
import com.propcloud.pms.common.security.DataScope;
import com.propcloud.pms.common.tenant.TenantContext;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who holds which unit: staff link and end stays within their scope, owners see the units they hold.
 * Each start and end leaves an {@code asset.occupancy.*} event, and the unit's status follows its stays
 * ({@link UnitStatusFollower}). The one-primary-payer rule is checked here and held by a partial unique
 * index, so a race ends in the same 409.
 */
@Service
class OccupancyService {

    private final OccupancyRepository occupancies;
    private final PersonRepository people;
    private final RegistryDirectory registry;
    private final UnitStatusFollower statuses;
    private final Outbox outbox;
    private final Clock clock;

    OccupancyService(
            OccupancyRepository occupancies,
            PersonRepository people,
            RegistryDirectory registry,
            UnitStatusFollower statuses,
            Outbox outbox,
            Clock clock) {
        this.occupancies = occupancies;
        this.people = people;
        this.registry = registry;
        this.statuses = statuses;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Which stays of a unit a list shows. */
    enum Period {
        CURRENT,
        PAST,
        ALL
    }

    /** A stay with the person's name, as staff see it. */
    record Occupant(Occupancy occupancy, @Nullable Person person) {}

    /** A unit the owner holds, with their own stay in it. */
    record HeldUnit(UnitSummary unit, Occupancy occupancy) {}

    record Link(UUID personId, OccupancyRole role, boolean primaryPayer, LocalDate moveIn) {}

    @Transactional
    Occupant link(UUID unitId, Link link, DataScope scope) {
        UnitSummary unit = unitInScope(unitId, scope);
        Person person = people.findById(link.personId())
                .filter(Person::linkable)
                .orElseThrow(() -> new BusinessRuleViolation(
                        OccupancyCodes.PERSON_NOT_FOUND, HttpStatus.UNPROCESSABLE_CONTENT, "No such person"));
        if (occupancies.existsByUnitIdAndPersonIdAndMoveOutIsNull(unitId, person.id())) {
            throw new BusinessRuleViolation(OccupancyCodes.ALREADY_LINKED, "The person currently holds this unit");
        }
        if (link.primaryPayer() && occupancies.findCurrentPrimaryPayer(unitId).isPresent()) {
            throw new BusinessRuleViolation(
                    OccupancyCodes.PRIMARY_PAYER_TAKEN,
                    "The unit has a current primary payer; end that occupancy first");
        }
        Occupancy occupancy = occupancies.saveAndFlush(Occupancy.start(
                TenantContext.require(),
                unit.projectId(),
                unitId,
                person.id(),
                link.role(),
                link.primaryPayer(),
                link.moveIn(),
                now()));
        changed(OccupancyChangedV1.STARTED, occupancy);
        statuses.refresh(unit.projectId(), List.of(unitId));
        return new Occupant(occupancy, person);
    }

    @Transactional
    Occupant end(UUID unitId, UUID occupancyId, LocalDate moveOut, DataScope scope) {
        UnitSummary unit = unitInScope(unitId, scope);
        Occupancy occupancy = occupancies
                .findByIdAndUnitId(occupancyId, unitId)
                .orElseThrow(() -> new NotFoundException("Occupancy", occupancyId));
        if (occupancy.end(moveOut, now())) {
            occupancies.saveAndFlush(occupancy);
            changed(OccupancyChangedV1.ENDED, occupancy);
            statuses.refresh(unit.projectId(), List.of(unitId));
        }
        return new Occupant(occupancy, people.findById(occupancy.personId()).orElse(null));
    }

    @Transactional(readOnly = true)
    Page<Occupant> list(UUID unitId, Period period, Pageable pageable, DataScope scope) {
        unitInScope(unitId, scope);
        Page<Occupancy> page =
                switch (period) {
                    case CURRENT -> occupancies.findByUnitIdAndMoveOutIsNull(unitId, pageable);
                    case PAST -> occupancies.findByUnitIdAndMoveOutIsNotNull(unitId, pageable);
                    case ALL -> occupancies.findByUnitId(unitId, pageable);
                };
        Map<UUID, Person> byId = people(page.map(Occupancy::personId).getContent());
        return page.map(o -> new Occupant(o, byId.get(o.personId())));
    }

    /** A unit someone currently occupies, with that stay and the person. */
    record OccupiedUnit(UnitSummary unit, Occupancy occupancy, Person person) {}

    /**
     * Units whose current occupants match: by part of the person's name, and/or by the person's id (an
     * exact phone is searched in user-service, through its keyed hash, which answers person ids). Within
     * the caller's projects; a unit appears once per matching occupant.
     */
    @Transactional(readOnly = true)
    Page<OccupiedUnit> unitsByOccupant(
            @Nullable String namePart, @Nullable UUID personId, Pageable pageable, DataScope scope) {
        Specification<Occupancy> query = (root, q, cb) -> {
            List<Predicate> where = new ArrayList<>();
            where.add(cb.isNull(root.get("moveOut")));
            if (personId != null) {
                where.add(cb.equal(root.get("personId"), personId));
            }
            if (namePart != null) {
                Subquery<UUID> named = q.subquery(UUID.class);
                Root<Person> person = named.from(Person.class);
                String escaped =
                        namePart.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
                named.select(person.get("id")).where(cb.like(person.get("displayName"), "%" + escaped + "%", '\\'));
                where.add(root.get("personId").in(named));
            }
            if (!scope.tenantWide()) {
                where.add(
                        scope.projects().isEmpty()
                                ? cb.disjunction()
                                : root.get("projectId").in(scope.projects()));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
        Page<Occupancy> page = occupancies.findAll(query, pageable);
        Map<UUID, UnitSummary> units =
                registry.units(page.map(Occupancy::unitId).getContent());
        Map<UUID, Person> byId = people(page.map(Occupancy::personId).getContent());
        return page.map(o -> new OccupiedUnit(units.get(o.unitId()), o, byId.get(o.personId())));
    }

    /** The units the owner holds now; a past stay shows nothing. */
    @Transactional(readOnly = true)
    Page<HeldUnit> heldBy(DataScope owner, Pageable pageable) {
        Page<Occupancy> page = occupancies.findByPersonIdAndMoveOutIsNull(owner.subject(), pageable);
        Map<UUID, UnitSummary> units =
                registry.units(page.map(Occupancy::unitId).getContent());
        return page.map(o -> new HeldUnit(units.get(o.unitId()), o));
    }

    /** One unit the owner holds now; any other unit is not found, like a missing one. */
    @Transactional(readOnly = true)
    HeldUnit heldUnit(UUID unitId, DataScope owner) {
        return occupancies
                .findFirstByUnitIdAndPersonIdAndMoveOutIsNull(unitId, owner.subject())
                .flatMap(o -> registry.unit(unitId).map(unit -> new HeldUnit(unit, o)))
                .orElseThrow(() -> new NotFoundException("Unit", unitId));
    }

    /** The unit, if the staff caller's scope covers its project; else 404 like a missing unit. */
    UnitSummary unitInScope(UUID unitId, DataScope scope) {
        return registry.unit(unitId)
                .filter(unit -> scope.coversProject(unit.projectId()))
                .orElseThrow(() -> new NotFoundException("Unit", unitId));
    }

    private Map<UUID, Person> people(Collection<UUID> ids) {
        return people.findAllById(ids).stream().collect(Collectors.toMap(Person::id, Function.identity()));
    }

    private void changed(String type, Occupancy occupancy) {
        outbox.append(
                type,
                occupancy.id(),
                occupancy.projectId(),
                OccupancyChangedV1.of(occupancy),
                OccupancyChangedV1.VERSION);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
