package com.propcloud.pms.gateway.security;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Drops request headers that claim an identity, before anything else sees the request. Services
 * take identity only from the validated token, so these are never trusted anyway; removing them
 * here means a forgotten {@code @RequestHeader("X-Tenant-Id")} somewhere cannot become a hole.
 */
@Component
class IdentityHeaderFilter implements WebFilter, Ordered {

    private static final List<String> FORBIDDEN_PREFIXES = List.of("x-pms-", "x-user-", "x-tenant-", "x-auth-");
    private static final Set<String> FORBIDDEN_NAMES = Set.of("x-roles", "x-forwarded-user", "x-remote-user");

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        List<String> forged = request.getHeaders().headerNames().stream()
                .filter(IdentityHeaderFilter::isIdentityHeader)
                .toList();
        if (forged.isEmpty()) {
            return chain.filter(exchange);
        }
        ServerHttpRequest scrubbed = request.mutate()
                .headers(headers -> forged.forEach(headers::remove))
                .build();
        return chain.filter(exchange.mutate().request(scrubbed).build());
    }

    static boolean isIdentityHeader(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return FORBIDDEN_NAMES.contains(lower) || FORBIDDEN_PREFIXES.stream().anyMatch(lower::startsWith);
    }
}
