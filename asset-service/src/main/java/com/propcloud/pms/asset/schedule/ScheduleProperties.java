package com.propcloud.pms.asset.schedule;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The due scheduler ({@code asset.schedule.*}).
 *
 * @param enabled whether this instance sweeps at all (tests drive the sweep themselves)
 * @param interval the pause between two sweeps; an occurrence is announced at most this late
 * @param zone where schedules' local dates and times fall (the platform's default business time zone;
 *     asset-service keeps no tenant directory to look up a tenant's own)
 * @param maxPerSchedule the most occurrences one plan or route announces in one sweep, so a schedule
 *     that was off for long catches up over several sweeps instead of flooding one
 */
@Validated
@ConfigurationProperties("asset.schedule")
public record ScheduleProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1m") @NotNull Duration interval,
        @DefaultValue("Asia/Shanghai") @NotNull ZoneId zone,
        @DefaultValue("20") @Min(1) @Max(1000) int maxPerSchedule) {}
