package com.propcloud.pms.gateway.security;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * Who may pass the gateway at all (services decide the rest): the public endpoints, anyone; {@code
 * /api/**}, any caller with a valid token; reading the live route table, platform operators only;
 * anything else, nobody. One synchronous decision per request instead of a reactive matcher per
 * rule, since it runs on every request.
 */
final class GatewayAccessRules implements ReactiveAuthorizationManager<AuthorizationContext> {

    /** Platform operators (tenant code {@code platform}) may read the live route table. */
    private static final String OPERATOR_KIND = "operator";

    private static final AuthorizationResult GRANTED = new AuthorizationDecision(true);
    private static final AuthorizationResult DENIED = new AuthorizationDecision(false);

    private static final PathPattern API = PathPatternParser.defaultInstance.parse("/api/**");
    // read-only (management.endpoint.gateway.access)
    private static final PathPattern ROUTE_TABLE = PathPatternParser.defaultInstance.parse("/actuator/gateway/**");

    enum Access {
        PUBLIC,
        AUTHENTICATED,
        OPERATORS,
        NOBODY
    }

    static Access accessFor(ServerHttpRequest request) {
        if (PublicEndpoints.matches(request)) {
            return Access.PUBLIC;
        }
        PathContainer path = request.getPath().pathWithinApplication();
        if (API.matches(path)) {
            return Access.AUTHENTICATED;
        }
        if (HttpMethod.GET.equals(request.getMethod()) && ROUTE_TABLE.matches(path)) {
            return Access.OPERATORS;
        }
        return Access.NOBODY;
    }

    @Override
    public Mono<AuthorizationResult> authorize(Mono<Authentication> authentication, AuthorizationContext context) {
        return switch (accessFor(context.getExchange().getRequest())) {
            case PUBLIC -> Mono.just(GRANTED);
            case AUTHENTICATED ->
                authentication
                        .map(caller -> caller.isAuthenticated() ? GRANTED : DENIED)
                        .defaultIfEmpty(DENIED);
            case OPERATORS ->
                authentication
                        .map(caller -> isOperator(caller) ? GRANTED : DENIED)
                        .defaultIfEmpty(DENIED);
            case NOBODY -> Mono.just(DENIED);
        };
    }

    private static boolean isOperator(Authentication caller) {
        return caller instanceof JwtAuthenticationToken jwt
                && OPERATOR_KIND.equals(jwt.getToken().getClaimAsString("kind"));
    }
}
