package com.propcloud.pms.asset.balance;

import static com.propcloud.pms.asset.registry.ConstraintProblems.Problem.conflict;
import static com.propcloud.pms.asset.registry.ConstraintProblems.Problem.invalid;

import com.propcloud.pms.asset.registry.ConstraintProblems;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The constraints of V40's opening_balance table, answered with stable codes. The sheet checks every
 * rule row by row first; these answer what slips past it: two imports committing the same key at once,
 * or a unit deleted while it has balances.
 */
@Component
class BalanceConstraints implements ConstraintProblems {

    @Override
    public Map<String, Problem> byConstraint() {
        String invalid = "An opening balance breaks a rule of the sheet";
        return Map.of(
                "opening_balance_key_unique",
                conflict(
                        OpeningBalanceCodes.KEY_TAKEN,
                        "Another import recorded a balance of this unit, fee item and period meanwhile; commit"
                                + " again to match the file against it"),
                // deleting a unit with balances: they are owed money, so the unit stays
                "opening_balance_unit_fk",
                conflict(OpeningBalanceCodes.UNIT_HAS_OPENING_BALANCES, "The unit has opening balances"),
                "opening_balance_fee_item_valid",
                invalid(OpeningBalanceCodes.INVALID, invalid),
                "opening_balance_period_month",
                invalid(OpeningBalanceCodes.INVALID, invalid),
                "opening_balance_amount_positive",
                invalid(OpeningBalanceCodes.INVALID, invalid),
                "opening_balance_late_fee_valid",
                invalid(OpeningBalanceCodes.INVALID, invalid),
                "opening_balance_note_valid",
                invalid(OpeningBalanceCodes.INVALID, invalid));
    }
}
