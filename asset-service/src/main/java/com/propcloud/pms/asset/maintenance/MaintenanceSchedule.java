package com.propcloud.pms.asset.maintenance;

import com.propcloud.pms.asset.schedule.DueAnnouncer;
import com.propcloud.pms.asset.schedule.Occurrences;
import com.propcloud.pms.asset.schedule.ScheduleProperties;
import com.propcloud.pms.common.messaging.outbox.Outbox;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Maintenance plans as a {@link com.propcloud.pms.asset.schedule.ScheduleSource}: each due plan
 * announces {@code asset.maintenance.due} once per occurrence (the sweep is {@link DueAnnouncer}'s).
 */
@Component
class MaintenanceSchedule extends DueAnnouncer<MaintenancePlan> {

    static final String KIND = "MAINTENANCE";

    private final MaintenancePlanRepository plans;

    MaintenanceSchedule(
            MaintenancePlanRepository plans,
            Occurrences occurrences,
            Outbox outbox,
            ScheduleProperties properties,
            PlatformTransactionManager transactionManager) {
        super(KIND, occurrences, outbox, properties, transactionManager);
        this.plans = plans;
    }

    @Override
    protected List<MaintenancePlan> findDue(Instant now, UUID after, int limit) {
        return plans.findDue(now, after, limit);
    }

    @Override
    protected void flush() {
        plans.flush();
    }

    @Override
    protected Announcement announcement(MaintenancePlan plan, ZoneId zone) {
        return new Announcement(MaintenanceDueV1.TYPE, payload(plan, zone), MaintenanceDueV1.VERSION);
    }

    private static MaintenanceDueV1 payload(MaintenancePlan plan, ZoneId zone) {
        MaintenancePlan.Details d = plan.details();
        ZonedDateTime due = plan.nextDueAt().atZone(zone);
        return new MaintenanceDueV1(
                plan.id(),
                plan.projectId(),
                plan.equipmentId(),
                plan.category(),
                d.name(),
                d.skill(),
                d.checklist(),
                plan.nextDueAt(),
                due.toLocalDate());
    }
}
