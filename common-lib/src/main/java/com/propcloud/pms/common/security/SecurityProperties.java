package com.propcloud.pms.common.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service checks the platform's access tokens.
 *
 * @param issuer the {@code iss} every token must carry
 * @param jwkSetUri user-service's JWKS endpoint, which publishes the current and previous signing key
 * @param publicPaths paths of this service open without a token, on top of health, metrics and the
 *     OpenAPI documents (for user-service: login, refresh, JWKS)
 */
@ConfigurationProperties("pms.security")
public record SecurityProperties(
        @DefaultValue("pms") String issuer,

        @DefaultValue("http://localhost:8081/api/v1/auth/jwks")
        String jwkSetUri,

        @DefaultValue List<String> publicPaths) {

    /** Open on every service: probes, metrics scraping, the API description and the error page. */
    static final List<String> ALWAYS_PUBLIC = List.of(
            "/actuator/health",
            "/actuator/health/**",
            "/actuator/info",
            "/actuator/prometheus",
            "/v3/api-docs",
            "/v3/api-docs/**",
            "/swagger-ui.html",
            "/swagger-ui/**",
            "/error");
}
