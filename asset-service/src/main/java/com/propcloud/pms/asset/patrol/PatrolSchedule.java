package com.propcloud.pms.asset.patrol;

import com.propcloud.pms.asset.schedule.DueAnnouncer;
import com.propcloud.pms.asset.schedule.Occurrences;
import com.propcloud.pms.asset.schedule.ScheduleProperties;
import com.propcloud.pms.common.messaging.outbox.Outbox;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Patrol routes as a {@link com.propcloud.pms.asset.schedule.ScheduleSource}: each due route announces
 * {@code asset.patrol.due} once per round (the sweep is {@link DueAnnouncer}'s).
 */
@Component
class PatrolSchedule extends DueAnnouncer<PatrolRoute> {

    static final String KIND = "PATROL";

    private final PatrolRouteRepository routes;

    PatrolSchedule(
            PatrolRouteRepository routes,
            Occurrences occurrences,
            Outbox outbox,
            ScheduleProperties properties,
            PlatformTransactionManager transactionManager) {
        super(KIND, occurrences, outbox, properties, transactionManager);
        this.routes = routes;
    }

    @Override
    protected List<PatrolRoute> findDue(Instant now, UUID after, int limit) {
        return routes.findDue(now, after, limit);
    }

    @Override
    protected void flush() {
        routes.flush();
    }

    @Override
    protected Announcement announcement(PatrolRoute route, ZoneId zone) {
        return new Announcement(PatrolDueV1.TYPE, payload(route, zone), PatrolDueV1.VERSION);
    }

    private static PatrolDueV1 payload(PatrolRoute route, ZoneId zone) {
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
                route.nextDueAt().atZone(zone).toLocalDate());
    }
}
