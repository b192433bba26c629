package com.propcloud.pms.asset.balance;

import com.propcloud.pms.asset.registry.Roles;
import com.propcloud.pms.common.problem.InvalidParameterException;
import com.propcloud.pms.common.security.DataScope;
import com.propcloud.pms.common.web.PageQuery;
import com.propcloud.pms.common.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Opening balances as imported (the import routes and the export are {@link
 * OpeningBalanceImportController}'s): listed, one by one, and totalled per fee item for a project. Any
 * staff member reads those of their projects; another project's or tenant's balance is not found, like a
 * missing id.
 */
@RestController
@RequestMapping(OpeningBalanceController.PATH)
@Tag(name = "Opening balances")
@PreAuthorize(Roles.STAFF)
class OpeningBalanceController {

    static final String PATH = "/api/v1/opening-balances";
    static final Set<String> SORTABLE = Set.of("period", "feeItem", "amount", "lateFee", "importedAt", "createdAt");

    private final OpeningBalanceService balances;

    OpeningBalanceController(OpeningBalanceService balances) {
        this.balances = balances;
    }

    @GetMapping
    @Operation(summary = "Opening balances in the caller's scope, paged; filters combine (period as yyyy-MM)")
    PageResponse<OpeningBalanceResponses.Balance> list(
            @RequestParam(required = false) @Nullable UUID projectId,
            @RequestParam(required = false) @Nullable UUID unitId,
            @RequestParam(required = false) @Nullable String feeItem,
            @RequestParam(required = false) @Nullable String period,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable List<String> sort) {
        var pageable = PageQuery.of(page, size, sort, SORTABLE, Sort.by("period", "feeItem"));
        return PageResponse.of(
                balances.list(filter(projectId, unitId, feeItem, period), pageable, staff()),
                OpeningBalanceResponses.Balance::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One opening balance")
    OpeningBalanceResponses.Balance get(@PathVariable UUID id) {
        return OpeningBalanceResponses.Balance.of(balances.get(id, staff()));
    }

    @GetMapping("/summary")
    @Operation(summary = "A project's opening balances totalled per fee item, exactly (money as decimal strings)")
    OpeningBalanceResponses.Summary summary(@RequestParam(required = false) @Nullable UUID projectId) {
        UUID project = requireProject(projectId);
        return OpeningBalanceResponses.Summary.of(project, balances.totals(project, staff()));
    }

    /** The list's filters from query parameters; a period that is not {@code yyyy-MM} is a 400. */
    static OpeningBalanceService.Filter filter(
            @Nullable UUID projectId, @Nullable UUID unitId, @Nullable String feeItem, @Nullable String period) {
        YearMonth month = null;
        if (period != null && !period.isBlank()) {
            try {
                month = YearMonth.parse(period.strip());
            } catch (DateTimeParseException e) {
                throw new InvalidParameterException("period", "must be a month, yyyy-MM");
            }
        }
        return new OpeningBalanceService.Filter(
                projectId, unitId, feeItem == null || feeItem.isBlank() ? null : feeItem.strip(), month);
    }

    static UUID requireProject(@Nullable UUID projectId) {
        if (projectId == null) {
            throw new InvalidParameterException("projectId", "is required");
        }
        return projectId;
    }

    private static DataScope staff() {
        return DataScope.current().requireStaff();
    }
}
