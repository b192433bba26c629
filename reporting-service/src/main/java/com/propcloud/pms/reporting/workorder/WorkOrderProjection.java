package com.propcloud.pms.reporting.workorder;

import com.propcloud.pms.common.messaging.envelope.EventEnvelope;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the {@code work_order} facts in step with workorder-service's ticket events. Runs inside the
 * inbox transaction with the event's tenant set, so a redelivered event is skipped before it gets here
 * and the insert is still guarded by the primary key.
 */
@Component
class WorkOrderProjection {

    private static final Logger log = LoggerFactory.getLogger(WorkOrderProjection.class);

    private final JdbcTemplate jdbc;
    private final TenantTimeZones zones;

    WorkOrderProjection(JdbcTemplate jdbc, TenantTimeZones zones) {
        this.jdbc = jdbc;
        this.zones = zones;
    }

    void apply(EventEnvelope event) {
        if (!TicketCreated.TYPE.equals(event.type())) {
            // later ticket events (assigned, closed, ...) feed KPIs of later reports
            log.debug("No projection yet for {}", event.type());
            return;
        }
        TicketCreated ticket = event.payloadAs(TicketCreated.class);
        LocalDate day = ticket.createdAt().atZone(zones.of(event.tenantId())).toLocalDate();
        jdbc.update(
                """
                insert into work_order (ticket_id, tenant_id, project_id, kind, category, created_at, created_day)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (ticket_id) do nothing
                """,
                ticket.ticketId(),
                event.tenantId(),
                ticket.projectId(),
                ticket.kind(),
                ticket.category(),
                Timestamp.from(ticket.createdAt()),
                Date.valueOf(day));
    }
}
