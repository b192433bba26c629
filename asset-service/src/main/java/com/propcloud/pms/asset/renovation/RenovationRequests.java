package com.propcloud.pms.asset.renovation;

import com.propcloud.pms.common.problem.BusinessRuleViolation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/** The bodies of the renovation API, staff's and the owners' app's. */
final class RenovationRequests {

    static final String CNY = "CNY";

    private RenovationRequests() {}

    /** Money on the wire: a decimal string and its currency; filings take CNY only. */
    record Money(
            @Schema(type = "string", example = "2000.00") @NotNull
            BigDecimal amount,

            @Schema(example = "CNY") @NotBlank String currency) {

        BigDecimal requireCny() {
            if (!CNY.equals(currency.strip())) {
                throw new BusinessRuleViolation(
                        RenovationCodes.CURRENCY_UNSUPPORTED, HttpStatus.UNPROCESSABLE_CONTENT, "Deposits are in CNY");
            }
            return amount;
        }
    }

    /** Money as answered: the amount as a decimal string with its two places, never a float. */
    record Amount(
            @Schema(example = "2000.00") String amount,
            @Schema(example = "CNY") String currency) {

        static Amount cny(BigDecimal amount) {
            return new Amount(amount.setScale(2).toPlainString(), CNY);
        }
    }

    /** What an owner files; the applicant is the owner themselves. */
    record Submit(
            @NotBlank @Size(max = 100) String contractorName,

            @Schema(description = "Mobile or landline; kept masked only (139****5678)") @Nullable @Size(max = 20)
            String contractorPhone,

            @NotNull LocalDate startsOn,
            @NotNull LocalDate endsOn,
            @NotNull @Valid Money deposit) {

        Renovation.Application application(UUID unitId, UUID applicantId) {
            return new Renovation.Application(
                    unitId, applicantId, contractorName, contractorPhone, startsOn, endsOn, deposit.requireCny());
        }
    }

    /** What staff file for an occupant of a unit. */
    record File(
            @NotNull UUID unitId,

            @Schema(description = "A current occupant of the unit (person id)") @NotNull
            UUID applicantId,

            @NotBlank @Size(max = 100) String contractorName,
            @Nullable @Size(max = 20) String contractorPhone,
            @NotNull LocalDate startsOn,
            @NotNull LocalDate endsOn,
            @NotNull @Valid Money deposit) {

        Renovation.Application application() {
            return new Renovation.Application(
                    unitId, applicantId, contractorName, contractorPhone, startsOn, endsOn, deposit.requireCny());
        }
    }

    record Reject(@NotBlank @Size(max = 500) String reason) {}

    record Response(
            UUID id,
            UUID projectId,
            UUID unitId,
            UUID applicantId,
            String contractorName,
            @Nullable String contractorPhoneMasked,
            LocalDate startsOn,
            LocalDate endsOn,
            Amount deposit,
            RenovationStatus status,
            @Nullable String reason,
            @Nullable Instant decidedAt,
            @Nullable Instant completedAt,
            Instant createdAt,
            Instant updatedAt) {

        static Response of(Renovation r) {
            return new Response(
                    r.id(),
                    r.projectId(),
                    r.unitId(),
                    r.applicantId(),
                    r.contractorName(),
                    r.contractorPhoneMasked(),
                    r.startsOn(),
                    r.endsOn(),
                    Amount.cny(r.deposit()),
                    r.status(),
                    r.reason(),
                    r.decidedAt(),
                    r.completedAt(),
                    r.createdAt(),
                    r.updatedAt());
        }
    }
}
