package com.propcloud.pms.asset.balance;

/** The stable problem codes of opening balances; the constraints behind them are in {@link BalanceConstraints}. */
final class OpeningBalanceCodes {

    static final String KEY_TAKEN = "opening-balance.key-taken";
    static final String INVALID = "opening-balance.invalid";
    static final String UNIT_HAS_OPENING_BALANCES = "unit.has-opening-balances";

    private OpeningBalanceCodes() {}
}
