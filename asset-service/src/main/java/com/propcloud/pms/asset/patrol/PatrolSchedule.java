package com.propcloud.pms.asset.patrol;

import com.propcloud.pms.asset.schedule.Occurrences;
import com.propcloud.pms.asset.schedule.ScheduleProperties;
import com.propcloud.pms.asset.schedule.ScheduleSource;
import com.propcloud.pms.common.messaging.outbox.Outbox;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Patrol routes as a {@link ScheduleSource}: for the current tenant, each due route claims its
 * occurrence, announces {@code asset.patrol.due} and moves on, one transaction per batch (see
 * MaintenanceSchedule, which works the same way).
 */
@Component
class PatrolSchedule implements ScheduleSource {

    static final String KIND = "PATROL";
    private static final int BATCH = 100;
    // the smallest uuid in PostgreSQL's order (unsigned bytes)
    private static final UUID FIRST = new UUID(0, 0);

    private final PatrolRouteRepository routes;
    private final Occurrences occurrences;
    private final Outbox outbox;
    private final ScheduleProperties properties;
    private final TransactionTemplate transactions;

    PatrolSchedule(
            PatrolRouteRepository routes,
            Occurrences occurrences,
            Outbox outbox,
            ScheduleProperties properties,
            PlatformTransactionManager transactionManager) {
        this.routes = routes;
        this.occurrences = occurrences;
        this.outbox = outbox;
        this.properties = properties;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @Override
    public int announceDue(Instant now) {
        int announced = 0;
        UUID after = FIRST;
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
        List<PatrolRoute> due = routes.findDue(now, after, BATCH);
        int announced = 0;
        for (PatrolRoute route : due) {
            for (int i = 0; i < properties.maxPerSchedule() && route.dueBy(now); i++) {
                if (occurrences.claim(KIND, route.id(), route.nextDueAt(), now)) {
                    outbox.append(PatrolDueV1.TYPE, route.id(), route.projectId(), payload(route), PatrolDueV1.VERSION);
                    announced++;
                }
                route.advance(properties.zone());
            }
        }
        routes.flush();
        return new Batch(
                due.size(), due.isEmpty() ? after : due.get(due.size() - 1).id(), announced);
    }

    private PatrolDueV1 payload(PatrolRoute route) {
        PatrolRoute.Details d = route.details();
        List<PatrolDueV1.CheckpointV1> checkpoints = new ArrayList<>();
        for (int i = 0; i < d.checkpoints().size(); i++) {
            PatrolRoute.Stop stop = d.checkpoints().get(i);
            checkpoints.add(new PatrolDueV1.CheckpointV1(i + 1, stop.code(), stop.location()));
        }
        return new PatrolDueV1(
                route.id(),
                route.projectId(),
                d.name(),
                d.skill(),
                d.role(),
                checkpoints,
                route.nextDueAt(),
                route.nextDueAt().atZone(properties.zone()).toLocalDate());
    }
}
