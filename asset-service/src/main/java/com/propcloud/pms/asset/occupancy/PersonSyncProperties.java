package com.propcloud.pms.asset.occupancy;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The person sync ({@code asset.person-sync.*}, {@link PersonSync}).
 *
 * @param enabled whether this instance runs it at all
 * @param interval the pause between two complete runs: how long a person whose events were lost stays
 *     unknown or stale at most
 * @param margin how far before the newest change it stored a run asks again: covers user-service's
 *     changes that commit later than younger ones, and clocks of its instances apart
 * @param pageSize people per request to user-service, and per transaction here
 * @param retryMin the first pause after a run that could not finish (user-service down); doubles per
 *     failure up to {@code retryMax}
 * @param retryMax the longest pause between retries (never longer than {@code interval})
 */
@Validated
@ConfigurationProperties("asset.person-sync")
record PersonSyncProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1h") @NotNull Duration interval,
        @DefaultValue("5m") @NotNull Duration margin,

        @DefaultValue("500") @Min(1) @Max(PeopleRegistry.MAX_PAGE)
        int pageSize,

        @DefaultValue("5s") @NotNull Duration retryMin,
        @DefaultValue("5m") @NotNull Duration retryMax) {}
