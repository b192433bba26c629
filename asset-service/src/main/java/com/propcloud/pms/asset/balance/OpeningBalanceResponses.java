package com.propcloud.pms.asset.balance;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The bodies the opening-balance API answers with. */
final class OpeningBalanceResponses {

    private OpeningBalanceResponses() {}

    /** Money as answered, as renovation deposits are: a decimal string with its two places, and CNY. */
    record Money(
            @Schema(example = "356.80") String amount,
            @Schema(example = "CNY") String currency) {

        static Money cny(BigDecimal amount) {
            return new Money(OpeningBalanceSheet.money(amount), OpeningBalanceSheet.CURRENCY);
        }

        static @Nullable Money cnyOrNull(@Nullable BigDecimal amount) {
            return amount == null ? null : cny(amount);
        }
    }

    record Balance(
            UUID id,
            UUID projectId,
            UUID unitId,
            String feeItem,

            @Schema(example = "2024-05", description = "The month the arrears belong to")
            String period,

            Money amount,
            @Nullable Money lateFee,
            @Nullable String note,

            @Schema(description = "The import that last created or changed it")
            UUID importId,

            Instant importedAt,
            Instant createdAt) {

        static Balance of(OpeningBalance b) {
            return new Balance(
                    b.id(),
                    b.projectId(),
                    b.unitId(),
                    b.feeItem(),
                    b.period().toString(),
                    Money.cny(b.amount()),
                    Money.cnyOrNull(b.lateFee()),
                    b.note(),
                    b.importId(),
                    b.importedAt(),
                    b.createdAt());
        }
    }

    /** One fee item's balances: how many, what is owed, the late fees, and both together. */
    record FeeItemTotal(String feeItem, long balances, Money amount, Money lateFee, Money total) {}

    /** A project's opening balances per fee item (by name), and over all of them. */
    record Summary(
            UUID projectId, long balances, Money amount, Money lateFee, Money total, List<FeeItemTotal> feeItems) {

        static Summary of(UUID projectId, List<FeeItemTotals> totals) {
            long balances = 0;
            BigDecimal amount = BigDecimal.ZERO;
            BigDecimal lateFee = BigDecimal.ZERO;
            List<FeeItemTotal> items = totals.stream()
                    .map(t -> {
                        BigDecimal late = t.lateFee() == null ? BigDecimal.ZERO : t.lateFee();
                        return new FeeItemTotal(
                                t.feeItem(),
                                t.balances(),
                                Money.cny(t.amount()),
                                Money.cny(late),
                                Money.cny(t.amount().add(late)));
                    })
                    .toList();
            for (var t : totals) {
                balances += t.balances();
                amount = amount.add(t.amount());
                lateFee = lateFee.add(t.lateFee() == null ? BigDecimal.ZERO : t.lateFee());
            }
            return new Summary(
                    projectId, balances, Money.cny(amount), Money.cny(lateFee), Money.cny(amount.add(lateFee)), items);
        }
    }
}
