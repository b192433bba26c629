package com.propcloud.pms.asset.schedule;

import com.propcloud.pms.common.tenant.TenantContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The record of announced occurrences. Its unique key (schedule, due time) is what makes a due event
 * once-only: a schedule announces an occurrence only after claiming it here, in the same transaction as
 * the outbox event, so a second claim (another instance, a retried sweep, a lost Redis lock) finds the
 * first and announces nothing.
 */
@Component
public class Occurrences {

    private final JdbcTemplate jdbc;

    Occurrences(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the occurrence for the current tenant; false if it was claimed before. A concurrent claim
     * waits for the other transaction and then answers false if that one committed.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean claim(String kind, UUID scheduleId, Instant dueAt, Instant now) {
        return jdbc.update(
                        """
                        insert into schedule_occurrence (tenant_id, schedule_id, kind, due_at, announced_at)
                        values (?, ?, ?, ?, ?) on conflict do nothing""",
                        TenantContext.require(),
                        scheduleId,
                        kind,
                        dueAt.atOffset(ZoneOffset.UTC),
                        now.atOffset(ZoneOffset.UTC))
                == 1;
    }
}
