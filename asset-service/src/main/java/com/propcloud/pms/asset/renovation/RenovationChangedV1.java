package com.propcloud.pms.asset.renovation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Payload of {@code asset.renovation.submitted}, {@code .approved}, {@code .rejected} and {@code
 * .completed}, schema version 1: a renovation filing (装修备案) as billing (the deposit, refunded once
 * completed) and work orders (inspections during the works) keep it. Whole state after the step. The
 * applicant and the deciding staff member by id only; the contractor's phone masked, as stored. The
 * deposit is an exact decimal in {@code depositCurrency} (CNY). Add fields only.
 */
record RenovationChangedV1(
        UUID renovationId,
        UUID projectId,
        UUID unitId,
        UUID applicantId,
        String contractorName,
        @Nullable String contractorPhoneMasked,
        LocalDate startsOn,
        LocalDate endsOn,
        BigDecimal deposit,
        String depositCurrency,
        RenovationStatus status,
        @Nullable String reason,
        @Nullable UUID decidedBy,
        @Nullable Instant decidedAt,
        @Nullable Instant completedAt,
        Instant updatedAt) {

    static final String SUBMITTED = "asset.renovation.submitted";
    static final String APPROVED = "asset.renovation.approved";
    static final String REJECTED = "asset.renovation.rejected";
    static final String COMPLETED = "asset.renovation.completed";
    static final int VERSION = 1;

    /** The event a filing now in this status leaves. */
    static String type(RenovationStatus status) {
        return switch (status) {
            case SUBMITTED -> SUBMITTED;
            case APPROVED -> APPROVED;
            case REJECTED -> REJECTED;
            case COMPLETED -> COMPLETED;
        };
    }

    static RenovationChangedV1 of(Renovation r) {
        return new RenovationChangedV1(
                r.id(),
                r.projectId(),
                r.unitId(),
                r.applicantId(),
                r.contractorName(),
                r.contractorPhoneMasked(),
                r.startsOn(),
                r.endsOn(),
                r.deposit(),
                RenovationRequests.CNY,
                r.status(),
                r.reason(),
                r.decidedBy(),
                r.decidedAt(),
                r.completedAt(),
                r.updatedAt());
    }
}
