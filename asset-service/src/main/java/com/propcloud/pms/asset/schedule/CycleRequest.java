package com.propcloud.pms.asset.schedule;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A cycle as clients send it, for plans and routes alike; only the fields of its kind count. Checked
 * when it becomes a {@link Cycle} (422 {@code schedule.cycle-invalid}).
 */
public record CycleRequest(
        @NotNull CycleKind kind,

        @Schema(description = "EVERY_N_DAYS: the N", example = "15") @Nullable
        Integer intervalDays,

        @Schema(description = "MONTHLY: the day; the month's last day where it is shorter") @Nullable
        Integer dayOfMonth,

        @Schema(description = "CRON: six fields, seconds first", example = "0 0 9 * * MON") @Nullable @Size(max = 120)
        String cron,

        @Schema(description = "TIMES_OF_DAY: local times", example = "[\"08:00\",\"20:00\"]") @Nullable
        List<LocalTime> timesOfDay,

        @Schema(description = "From when it counts; today if absent") @Nullable
        LocalDate startsOn) {

    public Cycle toCycle(LocalDate today) {
        return new Cycle(kind, intervalDays, dayOfMonth, cron, timesOfDay, startsOn == null ? today : startsOn);
    }
}
