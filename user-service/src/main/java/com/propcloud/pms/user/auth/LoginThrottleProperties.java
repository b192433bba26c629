package com.propcloud.pms.user.auth;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Login lockout and throttling.
 *
 * @param accountMaxFailures failed logins of one tenant + username within {@code accountWindow} that
 *     lock it
 * @param accountWindow how long failures count, from the first one
 * @param lockDuration how long a locked account refuses every login, right password included
 * @param ipMaxFailures failed logins from one client address within {@code ipWindow} after which
 *     that address may not try again until the window ends
 * @param ipWindow how long an address's failures count, from the first one
 */
@Validated
@ConfigurationProperties("pms.auth.login-throttle")
record LoginThrottleProperties(
        @Min(1) @DefaultValue("5") int accountMaxFailures,
        @NotNull @DefaultValue("15m") Duration accountWindow,
        @NotNull @DefaultValue("15m") Duration lockDuration,
        @Min(1) @DefaultValue("20") int ipMaxFailures,
        @NotNull @DefaultValue("15m") Duration ipWindow) {}
