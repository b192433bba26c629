package com.propcloud.pms.asset.schedule;

/** How a plan or route recurs; see {@link Cycle}. */
public enum CycleKind {
    /** Every N days from the start date. */
    EVERY_N_DAYS,
    /** Once a month on day D (the month's last day where it is shorter). */
    MONTHLY,
    /** A Spring cron expression (six fields, seconds first) in the schedule's time zone. */
    CRON,
    /** Every day at the given local times (patrol rounds). */
    TIMES_OF_DAY
}
