package com.propcloud.pms.gateway.security;

import com.propcloud.pms.gateway.problem.GatewayProblem;
import com.propcloud.pms.gateway.problem.ProblemResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A valid token on a path the gateway never opens (outside {@code /api/}, or an operator-only
 * endpoint): 403 problem with the RFC 6750 challenge Spring's bearer handler would send.
 */
final class ProblemAccessDeniedHandler implements ServerAccessDeniedHandler {

    private final ProblemResponses problems;

    ProblemAccessDeniedHandler(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return problems.write(
                exchange,
                GatewayProblem.FORBIDDEN,
                "The token does not grant access to this resource.",
                headers -> headers.set(
                        HttpHeaders.WWW_AUTHENTICATE,
                        "Bearer error=\"insufficient_scope\", error_description=\"The request requires higher"
                                + " privileges than provided by the access token.\""));
    }
}
