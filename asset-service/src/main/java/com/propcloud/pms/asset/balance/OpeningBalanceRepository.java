package com.propcloud.pms.asset.balance;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

/** Opening balances of the current tenant; row-level security hides every other tenant's. */
interface OpeningBalanceRepository
        extends JpaRepository<OpeningBalance, UUID>, JpaSpecificationExecutor<OpeningBalance> {

    @Query("select new com.propcloud.pms.asset.balance.FeeItemTotals("
            + "b.feeItem, count(b), sum(b.amount), sum(b.lateFee)) from OpeningBalance b"
            + " where b.projectId = :projectId group by b.feeItem order by b.feeItem")
    List<FeeItemTotals> totalsByFeeItem(UUID projectId);
}
