package com.propcloud.pms.asset.balance;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * One fee item's balances in a project: how many, and their sums, exact (numeric in the database);
 * {@code lateFee} is null where none has one.
 */
record FeeItemTotals(
        String feeItem,
        long balances,
        BigDecimal amount,
        @Nullable BigDecimal lateFee) {}
