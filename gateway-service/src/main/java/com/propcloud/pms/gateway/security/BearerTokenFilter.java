package com.propcloud.pms.gateway.security;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Authenticates a request by its bearer token, in Spring Security's authentication slot: the one
 * thing the gateway needs of an OAuth2 resource server (header → verified JWT → authenticated
 * caller), without the general resource-server chain's per-request converters, matcher trees and
 * handler hand-offs, which cost more than the check itself (docs/benchmarks.md).
 *
 * <p>Behaves as that chain did: no bearer header → carry on unauthenticated (the access rules then
 * answer 401); on a public endpoint the header is not evaluated at all, so a client with an expired
 * token can still log in or refresh; a malformed, badly signed, expired or otherwise unacceptable
 * token → 401 {@code invalid_token} through the entry point; a key set that cannot be fetched →
 * {@link AuthenticationServiceException}, which the error handler answers with 503.
 */
final class BearerTokenFilter implements WebFilter {

    /** RFC 6750 section 2.1 (b64token), as Spring's bearer converter reads it. */
    private static final Pattern BEARER =
            Pattern.compile("^Bearer (?<token>[a-zA-Z0-9-._~+/]+=*)$", Pattern.CASE_INSENSITIVE);

    private final ReactiveJwtDecoder decoder;
    private final ServerAuthenticationEntryPoint entryPoint;

    BearerTokenFilter(ReactiveJwtDecoder decoder, ServerAuthenticationEntryPoint entryPoint) {
        this.decoder = decoder;
        this.entryPoint = entryPoint;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization == null
                || !authorization.regionMatches(true, 0, "bearer", 0, 6)
                || PublicEndpoints.matches(exchange.getRequest())) {
            return chain.filter(exchange);
        }
        Matcher bearer = BEARER.matcher(authorization);
        Mono<Authentication> caller = bearer.matches()
                ? decoder.decode(bearer.group("token"))
                        .<Authentication>map(jwt -> new JwtAuthenticationToken(jwt, AuthorityUtils.NO_AUTHORITIES))
                        .onErrorMap(JwtException.class, BearerTokenFilter::asAuthenticationFailure)
                : Mono.error(new InvalidBearerTokenException("Bearer token is malformed"));
        return caller.onErrorResume(
                        failure -> failure instanceof AuthenticationException
                                && !(failure instanceof AuthenticationServiceException),
                        failure -> entryPoint
                                .commence(exchange, (AuthenticationException) failure)
                                .then(Mono.<Authentication>empty()))
                .flatMap(authenticated -> chain.filter(exchange)
                        .contextWrite(ReactiveSecurityContextHolder.withAuthentication(authenticated)));
    }

    private static AuthenticationException asAuthenticationFailure(JwtException failure) {
        // as Spring's JwtReactiveAuthenticationManager: a bad token is the client's fault (401), any
        // other decoding failure (the key set could not be fetched) is ours (503)
        return failure instanceof BadJwtException
                ? new InvalidBearerTokenException(failure.getMessage(), failure)
                : new AuthenticationServiceException(failure.getMessage(), failure);
    }
}
