package com.propcloud.pms.asset.parking;

import static com.propcloud.pms.asset.registry.ConstraintProblems.Problem.conflict;
import static com.propcloud.pms.asset.registry.ConstraintProblems.Problem.invalid;

import com.propcloud.pms.asset.registry.ConstraintProblems;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The constraints of V30's parking_space table, answered with the service's own codes. */
@Component
class ParkingConstraints implements ConstraintProblems {

    @Override
    public Map<String, Problem> byConstraint() {
        return Map.of(
                "parking_space_number_unique",
                conflict(ParkingCodes.NUMBER_TAKEN, "The project has a space with this number in this zone"),
                // violated by deleting a project (or unit, stay) a space still refers to
                "parking_space_project_fk",
                conflict(ParkingCodes.PROJECT_HAS_PARKING_SPACES, "The project has parking spaces"),
                "parking_space_unit_fk",
                conflict(ParkingCodes.UNIT_NOT_FOUND, "The unit is missing or still has parking spaces"),
                "parking_space_occupancy_fk",
                invalid(ParkingCodes.OCCUPANT_NOT_FOUND, "No such occupant"));
    }
}
