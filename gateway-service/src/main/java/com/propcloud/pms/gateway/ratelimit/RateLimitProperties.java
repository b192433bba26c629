package com.propcloud.pms.gateway.ratelimit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Request budgets enforced at the edge, kept in Redis so every gateway instance shares them.
 *
 * @param enabled whether the limiter runs at all
 * @param perUser every authenticated user (token {@code tid} + {@code sub}), on any {@code /api/} path
 * @param perIp every client address, authenticated or not, on any {@code /api/} path
 * @param authPerIp additionally, per client address, on the public credential endpoints (login,
 *     refresh, sms-codes, password-resets): the guessing surface
 * @param redisTimeout the longest the limiter waits for Redis before letting the request through
 * @param failOpenPause after a Redis failure, how long the limiter does not ask Redis at all (every
 *     request passes at once), so an outage does not cost each request the full timeout
 * @param warnInterval at most one fail-open warning per interval is logged (the metric counts all)
 * @param lease how many already-spent requests an instance may hold per budget, so that a busy user
 *     or address does not cost a Redis round trip per request (see {@code LeasedTokens})
 */
@Validated
@ConfigurationProperties("pms.gateway.rate-limit")
record RateLimitProperties(
        boolean enabled,
        @NotNull @Valid Budget perUser,
        @NotNull @Valid Budget perIp,
        @NotNull @Valid Budget authPerIp,
        @NotNull Duration redisTimeout,
        @NotNull Duration failOpenPause,
        @NotNull Duration warnInterval,
        @NotNull @Valid Lease lease) {

    /**
     * @param maxSize the most requests one lease holds (also never more than a tenth of the burst); 1
     *     turns leasing off: every request asks Redis
     * @param lifetime after this, what a lease still holds is dropped
     */
    record Lease(@Positive long maxSize, @NotNull Duration lifetime) {}

    /**
     * A token bucket: {@code rate} requests per {@code period} sustained, up to {@code burst} at once
     * after a quiet spell.
     */
    record Budget(
            @Positive long rate,
            @NotNull Duration period,
            @Positive long burst) {

        /** Time between two requests at the sustained rate, in microseconds (at least 1). */
        long emissionIntervalMicros() {
            return Math.max(1, period.toNanos() / 1_000 / rate);
        }
    }
}
