package com.propcloud.pms.reporting.workorder;

import com.propcloud.pms.common.security.DataScope;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Work-order volume for dashboards; dates are local dates in the tenant's time zone. HQ admins count
 * the whole tenant, other staff the tickets of their projects; {@code projectId} narrows to one
 * project, and one outside the caller's scope answers 404 like an unknown one.
 */
@RestController
@PreAuthorize("hasAnyRole('HQ_ADMIN','PROJECT_MANAGER','FRONT_DESK','FINANCE')")
class WorkOrderReportController {

    private final WorkOrderReportService reports;

    WorkOrderReportController(WorkOrderReportService reports) {
        this.reports = reports;
    }

    @GetMapping("/api/v1/reports/work-orders/daily")
    DailyWorkOrders daily(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) @Nullable UUID projectId) {
        return reports.daily(from, to, projectId, DataScope.current().requireStaff());
    }
}
