package com.propcloud.pms.asset.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.propcloud.pms.common.problem.BusinessRuleViolation;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CycleTests {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    // 2026-11-21 10:15 in Shanghai
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T02:15:00Z"), SHANGHAI);

    static ZonedDateTime now() {
        return ZonedDateTime.now(CLOCK);
    }

    static ZonedDateTime at(String local) {
        return java.time.LocalDateTime.parse(local).atZone(SHANGHAI);
    }

    @Nested
    class EveryNDays {

        Cycle every15 = Cycle.everyDays(15, LocalDate.parse("2026-11-01"));

        @Test
        void countsFromTheStartDateNotFromWhenItRuns() {
            assertThat(every15.next(now())).isEqualTo(at("2026-12-01T00:00"));
        }

        @Test
        void nextAfterAnOccurrenceIsOneIntervalLater() {
            assertThat(every15.next(at("2026-11-16T00:00"))).isEqualTo(at("2026-12-01T00:00"));
        }

        @Test
        void firstIsTheStartDateItself() {
            assertThat(every15.first(SHANGHAI)).isEqualTo(at("2026-11-01T00:00"));
        }

        @Test
        void firstFromNowSkipsWhatLiesBeforeIt() {
            assertThat(every15.firstFrom(now())).isEqualTo(at("2026-12-01T00:00"));
        }

        @Test
        void aFutureStartIsTheFirstOccurrence() {
            Cycle later = Cycle.everyDays(10, LocalDate.parse("2026-11-25"));
            assertThat(later.firstFrom(now())).isEqualTo(at("2026-11-25T00:00"));
        }
    }

    @Nested
    class Monthly {

        Cycle monthly(int day) {
            return new Cycle(CycleKind.MONTHLY, null, day, null, List.of(), LocalDate.parse("2026-01-01"));
        }

        @Test
        void fallsOnTheDayThisMonthWhenStillAhead() {
            assertThat(monthly(25).next(now())).isEqualTo(at("2026-11-25T00:00"));
        }

        @Test
        void movesToNextMonthOnceTheDayHasPassed() {
            assertThat(monthly(5).next(now())).isEqualTo(at("2026-12-05T00:00"));
        }

        @Test
        void theThirtyFirstIsTheLastDayOfAShortMonth() {
            assertThat(monthly(31).next(at("2027-01-31T00:00"))).isEqualTo(at("2027-02-28T00:00"));
            assertThat(monthly(31).next(at("2027-02-28T00:00"))).isEqualTo(at("2027-03-31T00:00"));
        }
    }

    @Nested
    class Cron {

        @Test
        void followsTheExpressionInTheScheduleZone() {
            Cycle mondays =
                    new Cycle(CycleKind.CRON, null, null, "0 0 9 * * MON", List.of(), LocalDate.parse("2026-01-01"));
            // 2026-11-21 is a Saturday
            assertThat(mondays.next(now())).isEqualTo(at("2026-11-23T09:00"));
        }

        @Test
        void refusesAnInvalidExpression() {
            assertThatThrownBy(() -> new Cycle(
                            CycleKind.CRON, null, null, "every monday", List.of(), LocalDate.parse("2026-01-01")))
                    .isInstanceOf(BusinessRuleViolation.class)
                    .extracting(e -> ((BusinessRuleViolation) e).code())
                    .isEqualTo(Cycle.INVALID);
        }
    }

    @Nested
    class TimesOfDay {

        Cycle rounds = new Cycle(
                CycleKind.TIMES_OF_DAY,
                null,
                null,
                null,
                List.of(LocalTime.of(20, 0), LocalTime.of(8, 0)),
                LocalDate.parse("2026-01-01"));

        @Test
        void takesTheNextTimeToday() {
            assertThat(rounds.next(now())).isEqualTo(at("2026-11-21T20:00"));
        }

        @Test
        void wrapsToTheFirstTimeTomorrow() {
            assertThat(rounds.next(at("2026-11-21T20:00"))).isEqualTo(at("2026-11-22T08:00"));
        }
    }

    @Test
    void refusesAnEveryNDaysCycleWithoutItsInterval() {
        assertThatThrownBy(() -> new Cycle(CycleKind.EVERY_N_DAYS, 0, null, null, List.of(), LocalDate.now(CLOCK)))
                .isInstanceOf(BusinessRuleViolation.class);
    }
}
