package com.propcloud.pms.asset.importing;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How imports run: on {@code workers} background threads per instance; an upload or commit request
 * waits up to {@code answerWithin} for its run and otherwise answers 202 with the progress so far. A run whose
 * heartbeat is older than {@code staleAfter} is taken over by whichever instance sweeps next (every
 * {@code sweepInterval}), at most {@code maxAttempts} times before the import is given up.
 */
@Validated
@ConfigurationProperties("asset.import")
public record ImportProperties(
        @Min(1) int workers,
        @NotNull Duration answerWithin,
        @NotNull Duration staleAfter,
        @NotNull Duration sweepInterval,
        @Min(1) int maxAttempts) {}
