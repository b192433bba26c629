package com.propcloud.pms.asset.balance;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a unit owed on one fee item for one month when the company moved to us (期初欠费), as its old
 * system said. Balances are written only by imports (JDBC batches in {@link OpeningBalanceSheet}); this
 * entity is how the API reads them. Amounts are exact, two decimals, in CNY.
 */
@Entity
@Table(name = "opening_balance")
class OpeningBalance {

    @Id
    private UUID id;

    @Version
    private Long version;

    private UUID tenantId;
    private UUID projectId;
    private UUID unitId;
    private String feeItem;

    @Convert(converter = MonthConverter.class)
    private YearMonth period;

    private BigDecimal amount;
    private @Nullable BigDecimal lateFee;
    private @Nullable String note;
    private UUID importId;
    private Instant importedAt;
    private Instant createdAt;

    protected OpeningBalance() {} // for JPA

    UUID id() {
        return id;
    }

    UUID projectId() {
        return projectId;
    }

    UUID unitId() {
        return unitId;
    }

    String feeItem() {
        return feeItem;
    }

    YearMonth period() {
        return period;
    }

    BigDecimal amount() {
        return amount;
    }

    @Nullable
    BigDecimal lateFee() {
        return lateFee;
    }

    @Nullable
    String note() {
        return note;
    }

    UUID importId() {
        return importId;
    }

    Instant importedAt() {
        return importedAt;
    }

    Instant createdAt() {
        return createdAt;
    }
}
