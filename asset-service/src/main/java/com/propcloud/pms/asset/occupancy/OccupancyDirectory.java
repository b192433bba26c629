package com.propcloud.pms.asset.occupancy;

import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What parking and renovation need to know of people and stays, without reaching into occupancy's
 * entities. No scope is applied here; callers check the unit's project against their caller's scope.
 */
@Service
public class OccupancyDirectory {

    /** A current stay: who holds which unit of which project. */
    public record Stay(UUID occupancyId, UUID unitId, UUID projectId, UUID personId) {}

    private final OccupancyRepository occupancies;
    private final PersonRepository people;

    OccupancyDirectory(OccupancyRepository occupancies, PersonRepository people) {
        this.occupancies = occupancies;
        this.people = people;
    }

    /** Whether the person holds the unit now. */
    @Transactional(readOnly = true)
    public boolean occupies(UUID personId, UUID unitId) {
        return occupancies.existsByUnitIdAndPersonIdAndMoveOutIsNull(unitId, personId);
    }

    /** The stay, if it has not ended. */
    @Transactional(readOnly = true)
    public Optional<Stay> currentStay(UUID occupancyId) {
        return occupancies
                .findById(occupancyId)
                .filter(Occupancy::current)
                .map(o -> new Stay(o.id(), o.unitId(), o.projectId(), o.personId()));
    }

    /** The person's name as shown beside a unit (masked), if asset-service knows them. */
    @Transactional(readOnly = true)
    public Optional<String> maskedName(UUID personId) {
        return people.findById(personId).map(Person::maskedName);
    }
}
