package com.propcloud.pms.asset.schedule;

import java.time.Instant;

/**
 * A kind of schedule the {@link DueScheduler} sweeps: maintenance plans, patrol routes. Called with a
 * tenant in context; announces (through the outbox) every occurrence of that tenant's schedules that
 * falls within its lead time of {@code now}, claiming each in {@link Occurrences} first, and advances
 * each schedule past what it announced.
 */
public interface ScheduleSource {

    /** Returns how many occurrences this call announced. */
    int announceDue(Instant now);
}
