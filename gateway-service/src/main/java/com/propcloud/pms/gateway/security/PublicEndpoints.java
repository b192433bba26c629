package com.propcloud.pms.gateway.security;

import static org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers.pathMatchers;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;

/**
 * The fixed list of endpoints reachable without a token (architecture.md, "Identity, tenancy and
 * access"). Deliberately code, not configuration: widening it is a design decision, not a deploy
 * setting.
 */
final class PublicEndpoints {

    static final ServerWebExchangeMatcher MATCHER = new OrServerWebExchangeMatcher(
            pathMatchers(
                    HttpMethod.POST,
                    "/api/v1/auth/login",
                    "/api/v1/auth/refresh",
                    "/api/v1/auth/sms-codes",
                    "/api/v1/auth/password-resets"),
            // confirming a reset (/password-resets/{id}/...) may use any verb the service chooses
            pathMatchers("/api/v1/auth/password-resets/**"),
            pathMatchers(HttpMethod.GET, "/api/v1/auth/jwks"),
            // providers cannot hold our tokens; billing-service verifies their signatures instead
            pathMatchers("/api/v1/payments/callbacks/**"),
            // any method, so a wrong one answers 405 rather than a misleading 401
            pathMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus"),
            pathMatchers("/swagger-ui.html", "/swagger-ui/**", "/webjars/swagger-ui/**", "/v3/api-docs/**"));

    private PublicEndpoints() {}
}
