package com.propcloud.pms.user.auth;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Token lifetimes.
 *
 * @param accessTokenTtl how long an access token is accepted; short, because it cannot be revoked
 * @param refreshTokenTtl how long an unused refresh token may be exchanged for a new pair
 * @param serviceTokenTtl how long a service token (client credentials) is accepted
 */
@Validated
@ConfigurationProperties("pms.auth")
record AuthProperties(
        @NotNull @DefaultValue("15m") Duration accessTokenTtl,
        @NotNull @DefaultValue("30d") Duration refreshTokenTtl,
        @NotNull @DefaultValue("15m") Duration serviceTokenTtl) {}
