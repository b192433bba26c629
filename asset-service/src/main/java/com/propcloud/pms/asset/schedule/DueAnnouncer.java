package com.propcloud.pms.asset.schedule;

import com.propcloud.pms.common.messaging.outbox.Outbox;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sweep every {@link ScheduleSource} runs, for the current tenant: due schedules in batches by id
 * (keyset, so each is visited once per sweep however far behind it is); each claims its occurrence in
 * {@link Occurrences}, announces it through the outbox and advances, all in one transaction per batch,
 * so an event exists exactly when its claim and the advance committed. A kind supplies the query, the
 * event and the flush.
 */
public abstract class DueAnnouncer<T extends DueAnnouncer.Scheduled> implements ScheduleSource {

    /** What the sweep needs of a schedule. */
    public interface Scheduled {
        UUID id();

        UUID projectId();

        Instant nextDueAt();

        boolean dueBy(Instant now);

        void advance(ZoneId zone);
    }

    /** An event to announce one occurrence. */
    public record Announcement(String type, Object payload, int version) {}

    private static final int BATCH = 100;
    // the smallest uuid in PostgreSQL's order (unsigned bytes)
    private static final UUID FIRST = new UUID(0, 0);

    private final String kind;
    private final Occurrences occurrences;
    private final Outbox outbox;
    private final ScheduleProperties properties;
    private final TransactionTemplate transactions;

    protected DueAnnouncer(
            String kind,
            Occurrences occurrences,
            Outbox outbox,
            ScheduleProperties properties,
            PlatformTransactionManager transactionManager) {
        this.kind = kind;
        this.occurrences = occurrences;
        this.outbox = outbox;
        this.properties = properties;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** Up to {@code limit} schedules due by {@code now} with ids after {@code after}, by id. */
    protected abstract List<T> findDue(Instant now, UUID after, int limit);

    /** The event for the schedule's current occurrence ({@code nextDueAt}). */
    protected abstract Announcement announcement(T schedule, ZoneId zone);

    /** Writes the batch's advances, so a concurrent sweep's advance fails this batch (optimistic lock). */
    protected abstract void flush();

    @Override
    public final int announceDue(Instant now) {
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
        List<T> due = findDue(now, after, BATCH);
        int announced = 0;
        for (T schedule : due) {
            for (int i = 0; i < properties.maxPerSchedule() && schedule.dueBy(now); i++) {
                if (occurrences.claim(kind, schedule.id(), schedule.nextDueAt(), now)) {
                    Announcement event = announcement(schedule, properties.zone());
                    outbox.append(event.type(), schedule.id(), schedule.projectId(), event.payload(), event.version());
                    announced++;
                }
                schedule.advance(properties.zone());
            }
        }
        flush();
        return new Batch(
                due.size(), due.isEmpty() ? after : due.get(due.size() - 1).id(), announced);
    }
}
