package com.propcloud.pms.gateway.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How tokens are checked beyond their signature. The key set itself comes from
 * {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri}.
 *
 * @param issuer the {@code iss} every token must carry (user-service issues {@code pms})
 * @param jwksTimeout how long fetching the key set may take before the request fails with 503,
 *     rather than hanging every caller while user-service is down
 */
@Validated
@ConfigurationProperties("pms.security")
record SecurityProperties(@NotBlank String issuer, @NotNull Duration jwksTimeout) {}
