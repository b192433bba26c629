package com.propcloud.pms.asset.renovation;

import com.propcloud.pms.common.problem.BusinessRuleViolation;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * A renovation filing (装修备案): an occupant's application to renovate their unit with a contractor,
 * for a period, against a deposit in CNY. Staff approve or reject it (with a reason), and mark an
 * approved one completed; each step is guarded here, so no route can skip one.
 */
@Entity
@Table(name = "renovation")
class Renovation {

    /** numeric(19,2): seventeen digits before the point. */
    private static final BigDecimal MAX_DEPOSIT = new BigDecimal("99999999999999999.99");

    @Id
    private UUID id;

    @Version
    private Long version;

    private UUID tenantId;
    private UUID projectId;
    private UUID unitId;
    private UUID applicantId;
    private String contractorName;
    // masked on the way in: see the migration for why the full number is not kept
    private @Nullable String contractorPhoneMasked;
    private LocalDate startsOn;
    private LocalDate endsOn;
    private BigDecimal deposit;

    @Enumerated(EnumType.STRING)
    private RenovationStatus status;

    private @Nullable String reason;
    private @Nullable UUID decidedBy;
    private @Nullable Instant decidedAt;
    private @Nullable Instant completedAt;
    private Instant createdAt;
    private Instant updatedAt;

    protected Renovation() {} // for JPA

    record Application(
            UUID unitId,
            UUID applicantId,
            String contractorName,
            @Nullable String contractorPhone,
            LocalDate startsOn,
            LocalDate endsOn,
            BigDecimal deposit) {}

    static Renovation submit(UUID tenantId, UUID projectId, Application application, Instant now) {
        if (application.endsOn().isBefore(application.startsOn())) {
            throw invalid(RenovationCodes.PERIOD_INVALID, "The period cannot end before it starts");
        }
        BigDecimal deposit = application.deposit();
        if (deposit.signum() < 0 || deposit.stripTrailingZeros().scale() > 2 || deposit.compareTo(MAX_DEPOSIT) > 0) {
            throw invalid(RenovationCodes.DEPOSIT_INVALID, "The deposit is a non-negative amount with two decimals");
        }
        Renovation renovation = new Renovation();
        renovation.id = UUID.randomUUID();
        renovation.tenantId = tenantId;
        renovation.projectId = projectId;
        renovation.unitId = application.unitId();
        renovation.applicantId = application.applicantId();
        renovation.contractorName = application.contractorName().strip();
        renovation.contractorPhoneMasked =
                application.contractorPhone() == null ? null : ContractorPhones.mask(application.contractorPhone());
        renovation.startsOn = application.startsOn();
        renovation.endsOn = application.endsOn();
        renovation.deposit = deposit.setScale(2);
        renovation.status = RenovationStatus.SUBMITTED;
        renovation.createdAt = now;
        renovation.updatedAt = now;
        return renovation;
    }

    /**
     * Each step repeated is a no-op (a client retrying a lost answer gets the same state back); from
     * any other state it is refused.
     */
    void approve(UUID staffId, Instant now) {
        if (status == RenovationStatus.APPROVED) {
            return;
        }
        require(Set.of(RenovationStatus.SUBMITTED), "approve");
        decide(RenovationStatus.APPROVED, null, staffId, now);
    }

    /** Rejecting again keeps the first reason. */
    void reject(String reason, UUID staffId, Instant now) {
        if (status == RenovationStatus.REJECTED) {
            return;
        }
        require(Set.of(RenovationStatus.SUBMITTED), "reject");
        if (reason.isBlank()) {
            throw invalid(RenovationCodes.REASON_REQUIRED, "A rejection needs a reason");
        }
        decide(RenovationStatus.REJECTED, reason.strip(), staffId, now);
    }

    void complete(Instant now) {
        if (status == RenovationStatus.COMPLETED) {
            return;
        }
        require(Set.of(RenovationStatus.APPROVED), "complete");
        this.status = RenovationStatus.COMPLETED;
        this.completedAt = now;
        this.updatedAt = now;
    }

    private void decide(RenovationStatus outcome, @Nullable String reason, UUID staffId, Instant now) {
        this.status = outcome;
        this.reason = reason;
        this.decidedBy = staffId;
        this.decidedAt = now;
        this.updatedAt = now;
    }

    private void require(Set<RenovationStatus> allowed, String action) {
        if (!allowed.contains(status)) {
            throw new BusinessRuleViolation(
                    RenovationCodes.ILLEGAL_TRANSITION, "A " + status + " filing cannot " + action);
        }
    }

    private static BusinessRuleViolation invalid(String code, String detail) {
        return new BusinessRuleViolation(code, HttpStatus.UNPROCESSABLE_CONTENT, detail);
    }

    UUID id() {
        return id;
    }

    UUID projectId() {
        return projectId;
    }

    UUID unitId() {
        return unitId;
    }

    UUID applicantId() {
        return applicantId;
    }

    String contractorName() {
        return contractorName;
    }

    @Nullable
    String contractorPhoneMasked() {
        return contractorPhoneMasked;
    }

    LocalDate startsOn() {
        return startsOn;
    }

    LocalDate endsOn() {
        return endsOn;
    }

    BigDecimal deposit() {
        return deposit;
    }

    RenovationStatus status() {
        return status;
    }

    @Nullable
    String reason() {
        return reason;
    }

    @Nullable
    UUID decidedBy() {
        return decidedBy;
    }

    @Nullable
    Instant decidedAt() {
        return decidedAt;
    }

    @Nullable
    Instant completedAt() {
        return completedAt;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }
}
