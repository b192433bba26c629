package com.propcloud.pms.asset.balance;

import com.propcloud.pms.asset.registry.RegistryLookup;
import com.propcloud.pms.asset.registry.RegistryQueries;
import com.propcloud.pms.common.problem.NotFoundException;
import com.propcloud.pms.common.security.DataScope;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opening balances as staff read them, within their data scope (their projects'). */
@Service
class OpeningBalanceService {

    private final OpeningBalanceRepository balances;
    private final RegistryLookup registry;

    OpeningBalanceService(OpeningBalanceRepository balances, RegistryLookup registry) {
        this.balances = balances;
        this.registry = registry;
    }

    /** Filters of the list and the export; a null one does not restrict. */
    record Filter(
            @Nullable UUID projectId,
            @Nullable UUID unitId,
            @Nullable String feeItem,
            @Nullable YearMonth period) {}

    @Transactional(readOnly = true)
    Page<OpeningBalance> list(Filter filter, Pageable pageable, DataScope scope) {
        Specification<OpeningBalance> query = RegistryQueries.<OpeningBalance>inScope(scope, "projectId")
                .and(RegistryQueries.equal("projectId", filter.projectId()))
                .and(RegistryQueries.equal("unitId", filter.unitId()))
                .and(RegistryQueries.equal("feeItem", filter.feeItem()))
                .and(RegistryQueries.equal("period", filter.period()));
        return balances.findAll(query, pageable);
    }

    @Transactional(readOnly = true)
    OpeningBalance get(UUID id, DataScope scope) {
        return balances.findById(id)
                .filter(balance -> scope.coversProject(balance.projectId()))
                .orElseThrow(() -> new NotFoundException("Opening balance", id));
    }

    /** A project's totals per fee item; a project out of scope is not found, like a missing one. */
    @Transactional(readOnly = true)
    List<FeeItemTotals> totals(UUID projectId, DataScope scope) {
        requireProject(projectId, scope);
        return balances.totalsByFeeItem(projectId);
    }

    /** A named project in the caller's scope, or 404 exactly as for a missing one. */
    @Transactional(readOnly = true)
    void requireProject(UUID projectId, DataScope scope) {
        if (!scope.coversProject(projectId) || !registry.projectExists(projectId)) {
            throw new NotFoundException("Project", projectId);
        }
    }
}
