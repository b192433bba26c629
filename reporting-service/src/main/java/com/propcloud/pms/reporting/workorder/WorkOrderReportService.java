package com.propcloud.pms.reporting.workorder;

import com.propcloud.pms.common.problem.InvalidParameterException;
import com.propcloud.pms.common.problem.NotFoundException;
import com.propcloud.pms.common.security.DataScope;
import com.propcloud.pms.common.tenant.TenantContext;
import java.sql.Date;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Work-order counts per local day for the caller's tenant, narrowed in the query to the projects the
 * caller may see (tickets without a project count only for tenant-wide callers).
 */
@Service
class WorkOrderReportService {

    static final int MAX_DAYS = 366;

    private final JdbcTemplate jdbc;

    WorkOrderReportService(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inclusive range; a read-only transaction so row-level security applies the caller's tenant. With
     * {@code projectId}, that project only; it must be in the caller's scope.
     */
    @Transactional(readOnly = true)
    DailyWorkOrders daily(LocalDate from, LocalDate to, @Nullable UUID projectId, DataScope scope) {
        if (to.isBefore(from)) {
            throw new InvalidParameterException("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new InvalidParameterException("to", "a range covers at most " + MAX_DAYS + " days");
        }
        if (projectId != null && !scope.coversProject(projectId)) {
            // reporting knows no project list, so an unknown project is refused just the same way
            throw new NotFoundException("Project", projectId);
        }
        Map<LocalDate, Long> created = new HashMap<>();
        // null: every project and none; otherwise only rows whose project is in the set
        Set<UUID> projects = projectId != null ? Set.of(projectId) : scope.tenantWide() ? null : scope.projects();
        jdbc.query(
                """
                select created_day, count(*) from work_order
                where tenant_id = ? and created_day between ? and ?
                  and (?::uuid[] is null or project_id = any(?::uuid[]))
                group by created_day
                """,
                rs -> {
                    created.put(rs.getDate(1).toLocalDate(), rs.getLong(2));
                },
                TenantContext.require(),
                Date.valueOf(from),
                Date.valueOf(to),
                projects == null ? null : uuidArray(projects),
                projects == null ? null : uuidArray(projects));
        List<DailyWorkOrders.Day> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            days.add(new DailyWorkOrders.Day(day, created.getOrDefault(day, 0L)));
        }
        return new DailyWorkOrders(days);
    }

    private static String uuidArray(Set<UUID> ids) {
        // a Postgres array literal; cast to uuid[] in the query, so only well-formed ids get through
        StringBuilder literal = new StringBuilder("{");
        for (UUID id : ids) {
            literal.append(literal.length() > 1 ? "," : "").append(id);
        }
        return literal.append('}').toString();
    }
}
