package com.propcloud.pms.asset.maintenance;

import com.propcloud.pms.asset.schedule.Occurrences;
import com.propcloud.pms.asset.schedule.ScheduleProperties;
import com.propcloud.pms.asset.schedule.ScheduleSource;
import com.propcloud.pms.common.messaging.outbox.Outbox;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Maintenance plans as a {@link ScheduleSource}: for the current tenant, each due plan claims its
 * occurrence, announces {@code asset.maintenance.due} and moves on to its next occurrence, all in one
 * transaction per batch, so an event exists exactly when its claim and the advance committed.
 */
@Component
class MaintenanceSchedule implements ScheduleSource {

    static final String KIND = "MAINTENANCE";
    private static final int BATCH = 100;
    // the smallest uuid in PostgreSQL's order (unsigned bytes)
    private static final UUID FIRST = new UUID(0, 0);

    private final MaintenancePlanRepository plans;
    private final Occurrences occurrences;
    private final Outbox outbox;
    private final ScheduleProperties properties;
    private final TransactionTemplate transactions;

    MaintenanceSchedule(
            MaintenancePlanRepository plans,
            Occurrences occurrences,
            Outbox outbox,
            ScheduleProperties properties,
            PlatformTransactionManager transactionManager) {
        this.plans = plans;
        this.occurrences = occurrences;
        this.outbox = outbox;
        this.properties = properties;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Override
    public int announceDue(Instant now) {
        int announced = 0;
        UUID after = FIRST;
        // keyset over ids: each plan is visited once per sweep, however far behind it is
        while (true) {
            UUID from = after;
            Batch batch = transactions.execute(status -> announceBatch(now, from));
            announced += batch.announced();
            if (batch.size() < BATCH) {
                return announced;
            }
            after = batch.last();
        }
    }

    private record Batch(int size, UUID last, int announced) {}

    private Batch announceBatch(Instant now, UUID after) {
        List<MaintenancePlan> due = plans.findDue(now, after, BATCH);
        int announced = 0;
        for (MaintenancePlan plan : due) {
            for (int i = 0; i < properties.maxPerSchedule() && plan.dueBy(now); i++) {
                if (occurrences.claim(KIND, plan.id(), plan.nextDueAt(), now)) {
                    outbox.append(
                            MaintenanceDueV1.TYPE,
                            plan.id(),
                            plan.projectId(),
                            payload(plan),
                            MaintenanceDueV1.VERSION);
                    announced++;
                }
                plan.advance(properties.zone());
            }
        }
        // flushed here so that a concurrent sweep's advance fails this batch (optimistic lock), not later
        plans.flush();
        return new Batch(
                due.size(), due.isEmpty() ? after : due.get(due.size() - 1).id(), announced);
    }

    private MaintenanceDueV1 payload(MaintenancePlan plan) {
        MaintenancePlan.Details d = plan.details();
        ZonedDateTime due = plan.nextDueAt().atZone(properties.zone());
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
