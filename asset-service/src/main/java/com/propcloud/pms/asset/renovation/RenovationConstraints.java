package com.propcloud.pms.asset.renovation;

import static com.propcloud.pms.asset.registry.ConstraintProblems.Problem.conflict;
import static com.propcloud.pms.asset.registry.ConstraintProblems.Problem.invalid;

import com.propcloud.pms.asset.registry.ConstraintProblems;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The constraints of V30's renovation table, answered with the service's own codes. */
@Component
class RenovationConstraints implements ConstraintProblems {

    @Override
    public Map<String, Problem> byConstraint() {
        return Map.of(
                "renovation_period_valid",
                invalid(RenovationCodes.PERIOD_INVALID, "The period cannot end before it starts"),
                "renovation_deposit_valid",
                invalid(RenovationCodes.DEPOSIT_INVALID, "The deposit cannot be negative"),
                "renovation_rejection_reasoned",
                invalid(RenovationCodes.REASON_REQUIRED, "A rejection needs a reason"),
                "renovation_applicant_fk",
                invalid(RenovationCodes.APPLICANT_NOT_OCCUPANT, "No such applicant"),
                // deleting a unit with filings: they are its history
                "renovation_unit_fk",
                conflict("unit.has-renovations", "The unit has renovation filings"));
    }
}
