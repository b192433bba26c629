package com.propcloud.pms.asset.occupancy;

import static com.propcloud.pms.asset.registry.ConstraintProblems.Problem.conflict;
import static com.propcloud.pms.asset.registry.ConstraintProblems.Problem.invalid;

import com.propcloud.pms.asset.registry.ConstraintProblems;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The constraints of V30's person, occupancy and vehicle tables, answered with the service's own codes. */
@Component
class OccupancyConstraints implements ConstraintProblems {

    @Override
    public Map<String, Problem> byConstraint() {
        return Map.of(
                "occupancy_one_primary_payer",
                conflict(OccupancyCodes.PRIMARY_PAYER_TAKEN, "The unit has a current primary payer"),
                "occupancy_person_current",
                conflict(OccupancyCodes.ALREADY_LINKED, "The person currently holds this unit"),
                "occupancy_period_valid",
                invalid(OccupancyCodes.PERIOD_INVALID, "The move-out date cannot precede the move-in date"),
                "occupancy_person_fk",
                invalid(OccupancyCodes.PERSON_NOT_FOUND, "No such person"),
                // deleting a unit that has (or had) occupants: its history is kept, so the unit stays
                "occupancy_unit_fk",
                conflict(OccupancyCodes.UNIT_HAS_OCCUPANTS, "The unit has occupants, current or past"),
                "vehicle_plate_unique",
                conflict(OccupancyCodes.PLATE_TAKEN, "A vehicle with this plate is registered"),
                "vehicle_unit_fk",
                conflict(OccupancyCodes.UNIT_HAS_VEHICLES, "The unit has registered vehicles"),
                "vehicle_person_fk",
                invalid(OccupancyCodes.PERSON_NOT_FOUND, "No such person"));
    }
}
