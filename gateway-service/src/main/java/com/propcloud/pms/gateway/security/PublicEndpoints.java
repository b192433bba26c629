package com.propcloud.pms.gateway.security;

import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The fixed list of endpoints reachable without a token (architecture.md, "Identity, tenancy and
 * access"). Deliberately code, not configuration: widening it is a design decision, not a deploy
 * setting. A plain loop over parsed patterns rather than Spring Security's reactive matchers: it runs
 * on every request, and the reactive matcher tree cost more than the check itself.
 */
final class PublicEndpoints {

    private record Rule(HttpMethod method, PathPattern pattern) {

        boolean matches(HttpMethod requestMethod, PathContainer path) {
            return (method == null || method.equals(requestMethod)) && pattern.matches(path);
        }
    }

    private static final List<Rule> RULES = List.of(
            rule(HttpMethod.POST, "/api/v1/auth/login"),
            rule(HttpMethod.POST, "/api/v1/auth/refresh"),
            rule(HttpMethod.POST, "/api/v1/auth/sms-codes"),
            rule(HttpMethod.POST, "/api/v1/auth/password-resets"),
            // confirming a reset (/password-resets/{id}/...) may use any verb the service chooses
            rule(null, "/api/v1/auth/password-resets/**"),
            rule(HttpMethod.GET, "/api/v1/auth/jwks"),
            // providers cannot hold our tokens; billing-service verifies their signatures instead
            rule(null, "/api/v1/payments/callbacks/**"),
            // any method, so a wrong one answers 405 rather than a misleading 401
            rule(null, "/actuator/health/**"),
            rule(null, "/actuator/info"),
            rule(null, "/actuator/prometheus"),
            rule(null, "/swagger-ui.html"),
            rule(null, "/swagger-ui/**"),
            rule(null, "/webjars/swagger-ui/**"),
            rule(null, "/v3/api-docs/**"));

    private PublicEndpoints() {}

    static boolean matches(ServerHttpRequest request) {
        HttpMethod method = request.getMethod();
        PathContainer path = request.getPath().pathWithinApplication();
        for (Rule rule : RULES) {
            if (rule.matches(method, path)) {
                return true;
            }
        }
        return false;
    }

    private static Rule rule(HttpMethod method, String pattern) {
        return new Rule(method, PathPatternParser.defaultInstance.parse(pattern));
    }
}
