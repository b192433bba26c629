package com.propcloud.pms.asset.balance;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Payload of {@code asset.opening-balance.recorded}, schema version 1: one opening balance as an import
 * created or changed it, whole state, so billing-service can take the arrears over. Money as decimal
 * strings with two places ({@code "356.80"}), never floats; {@code period} is the month, {@code
 * 2024-05}. A balance changed again is recorded again: the latest {@code recordedAt} wins. Add fields
 * only.
 */
record OpeningBalanceRecordedV1(
        UUID openingBalanceId,
        UUID projectId,
        UUID unitId,
        String feeItem,
        String period,
        String amount,
        @Nullable String lateFee,
        String currency,
        UUID importId,
        Instant recordedAt) {

    static final String RECORDED = "asset.opening-balance.recorded";
    static final int VERSION = 1;
}
