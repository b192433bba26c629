package com.propcloud.pms.gateway.security;

import com.propcloud.pms.gateway.problem.GatewayProblem;
import com.propcloud.pms.gateway.problem.ProblemResponses;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Answers a missing or rejected token with a 401 problem, keeping the RFC 6750 {@code
 * WWW-Authenticate} challenge that Spring's bearer entry point would have sent, so OAuth clients
 * still learn why ({@code error="invalid_token"}).
 */
final class ProblemAuthenticationEntryPoint implements ServerAuthenticationEntryPoint {

    private final ProblemResponses problems;

    ProblemAuthenticationEntryPoint(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
        OAuth2Error error = ex instanceof OAuth2AuthenticationException oauth ? oauth.getError() : null;
        String detail = error == null
                ? "A valid bearer token is required."
                : "The bearer token was rejected"
                        + (error.getDescription() != null ? ": " + error.getDescription() : ".");
        return problems.write(
                exchange,
                GatewayProblem.UNAUTHENTICATED,
                detail,
                headers -> headers.set(HttpHeaders.WWW_AUTHENTICATE, challenge(error)));
    }

    private static String challenge(OAuth2Error error) {
        if (error == null) {
            return "Bearer";
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("error", error.getErrorCode());
        if (error.getDescription() != null) {
            parameters.put("error_description", error.getDescription());
        }
        if (error.getUri() != null) {
            parameters.put("error_uri", error.getUri());
        }
        if (error instanceof BearerTokenError bearer && bearer.getScope() != null) {
            parameters.put("scope", bearer.getScope());
        }
        return "Bearer "
                + parameters.entrySet().stream()
                        .map(e -> e.getKey() + "=\"" + e.getValue().replace("\"", "'") + "\"")
                        .collect(Collectors.joining(", "));
    }
}
