package com.propcloud.pms.asset.schedule;

import com.propcloud.pms.common.problem.BusinessRuleViolation;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.support.CronExpression;

/**
 * When a maintenance plan or a patrol route falls due: every N days from {@code startsOn}, monthly on a
 * day, by a cron expression, or daily at fixed times. Occurrences are computed in the schedule's time
 * zone, since "the 1st of the month" and "08:00" are local; day-based kinds fall due at the start of
 * their day. Only the fields of its kind are set; a cycle is checked when it is built.
 */
public record Cycle(
        CycleKind kind,
        @Nullable Integer intervalDays,
        @Nullable Integer dayOfMonth,
        @Nullable String cron,
        List<LocalTime> timesOfDay,
        LocalDate startsOn) {

    public static final String INVALID = "schedule.cycle-invalid";

    public Cycle {
        timesOfDay = timesOfDay == null
                ? List.of()
                : List.copyOf(timesOfDay.stream().sorted().distinct().toList());
        switch (kind) {
            case EVERY_N_DAYS ->
                require(
                        intervalDays != null && intervalDays >= 1 && intervalDays <= 3660,
                        "intervalDays must be between 1 and 3660");
            case MONTHLY ->
                require(
                        dayOfMonth != null && dayOfMonth >= 1 && dayOfMonth <= 31,
                        "dayOfMonth must be between 1 and 31");
            case CRON ->
                require(
                        cron != null && CronExpression.isValidExpression(cron),
                        "cron must be a six-field cron expression (seconds first)");
            case TIMES_OF_DAY ->
                require(
                        !timesOfDay.isEmpty() && timesOfDay.size() <= 48,
                        "timesOfDay must name between 1 and 48 times");
        }
        intervalDays = kind == CycleKind.EVERY_N_DAYS ? intervalDays : null;
        dayOfMonth = kind == CycleKind.MONTHLY ? dayOfMonth : null;
        cron = kind == CycleKind.CRON ? cron : null;
        timesOfDay = kind == CycleKind.TIMES_OF_DAY ? timesOfDay : List.of();
    }

    public static Cycle everyDays(int days, LocalDate startsOn) {
        return new Cycle(CycleKind.EVERY_N_DAYS, days, null, null, List.of(), startsOn);
    }

    /** The first occurrence: at or after the start of {@code startsOn}. */
    public ZonedDateTime first(ZoneId zone) {
        ZonedDateTime start = startsOn.atStartOfDay(zone);
        return kind == CycleKind.EVERY_N_DAYS ? start : next(start.minusNanos(1));
    }

    /**
     * The first occurrence at or after {@code from} (and never before {@code startsOn}): where a new or
     * changed schedule starts, so that it does not announce a backlog from before it existed.
     */
    public ZonedDateTime firstFrom(ZonedDateTime from) {
        ZonedDateTime start = startsOn.atStartOfDay(from.getZone());
        return from.isAfter(start) ? next(from.minusNanos(1)) : first(from.getZone());
    }

    /** The first occurrence strictly after {@code after}. */
    public ZonedDateTime next(ZonedDateTime after) {
        return switch (kind) {
            case EVERY_N_DAYS -> nextEveryNDays(after);
            case MONTHLY -> nextMonthly(after);
            case CRON -> {
                ZonedDateTime next = CronExpression.parse(cron).next(after);
                // a valid expression that never matches again (e.g. Feb 30th) would stall the schedule
                if (next == null) {
                    throw new BusinessRuleViolation(
                            INVALID, HttpStatus.UNPROCESSABLE_CONTENT, "The cron expression never falls due");
                }
                yield next;
            }
            case TIMES_OF_DAY -> nextTimeOfDay(after);
        };
    }

    /** Counted from startsOn, so a late run never shifts later occurrences. */
    private ZonedDateTime nextEveryNDays(ZonedDateTime after) {
        ZonedDateTime start = startsOn.atStartOfDay(after.getZone());
        if (after.isBefore(start)) {
            return start;
        }
        long days = ChronoUnit.DAYS.between(startsOn, after.toLocalDate());
        long periods = days / intervalDays + 1;
        return startsOn.plusDays(periods * intervalDays).atStartOfDay(after.getZone());
    }

    private ZonedDateTime nextMonthly(ZonedDateTime after) {
        LocalDate month = after.toLocalDate().withDayOfMonth(1);
        for (int i = 0; i < 2; i++) {
            LocalDate candidate = month.plusMonths(i);
            // the 31st of a 30-day month is its last day, not the next month's first
            candidate = candidate.withDayOfMonth(Math.min(dayOfMonth, candidate.lengthOfMonth()));
            ZonedDateTime due = candidate.atStartOfDay(after.getZone());
            if (due.isAfter(after)) {
                return due;
            }
        }
        throw new IllegalStateException("unreachable: next month always has a later day");
    }

    private ZonedDateTime nextTimeOfDay(ZonedDateTime after) {
        LocalDate day = after.toLocalDate();
        for (int i = 0; i < 2; i++) {
            for (LocalTime time : timesOfDay) {
                ZonedDateTime due = day.plusDays(i).atTime(time).atZone(after.getZone());
                if (due.isAfter(after)) {
                    return due;
                }
            }
        }
        throw new IllegalStateException("unreachable: tomorrow always has a later time");
    }

    private static void require(boolean valid, String detail) {
        if (!valid) {
            throw new BusinessRuleViolation(INVALID, HttpStatus.UNPROCESSABLE_CONTENT, detail);
        }
    }
}
