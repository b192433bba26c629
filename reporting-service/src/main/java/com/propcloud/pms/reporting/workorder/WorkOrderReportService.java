package com.propcloud.pms.reporting.workorder;

import com.propcloud.pms.common.problem.InvalidParameterException;
import com.propcloud.pms.common.tenant.TenantContext;
import java.sql.Date;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Work-order counts per local day for the caller's tenant. */
@Service
class WorkOrderReportService {

    static final int MAX_DAYS = 366;

    private final JdbcTemplate jdbc;

    WorkOrderReportService(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inclusive range; a read-only transaction so row-level security applies the caller's tenant. */
    @Transactional(readOnly = true)
    DailyWorkOrders daily(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new InvalidParameterException("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new InvalidParameterException("to", "a range covers at most " + MAX_DAYS + " days");
        }
        Map<LocalDate, Long> created = new HashMap<>();
        jdbc.query(
                """
                select created_day, count(*) from work_order
                where tenant_id = ? and created_day between ? and ?
                group by created_day
                """,
                rs -> {
                    created.put(rs.getDate(1).toLocalDate(), rs.getLong(2));
                },
                TenantContext.require(),
                Date.valueOf(from),
                Date.valueOf(to));
        List<DailyWorkOrders.Day> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            days.add(new DailyWorkOrders.Day(day, created.getOrDefault(day, 0L)));
        }
        return new DailyWorkOrders(days);
    }
}
