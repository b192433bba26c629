package com.propcloud.pms.gateway.ratelimit;

import com.propcloud.pms.gateway.problem.GatewayProblem;
import com.propcloud.pms.gateway.problem.ProblemResponses;
import com.propcloud.pms.gateway.ratelimit.RedisRateLimiter.Bucket;
import com.propcloud.pms.gateway.ratelimit.RedisRateLimiter.Budget;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Spends one request from each budget that applies to an {@code /api/} request: the client
 * address's always, the user's when a valid token came with it, and the stricter credential budget
 * on the public login, refresh, SMS-code and password-reset endpoints. Over budget: 429 problem with
 * {@code Retry-After} (whole seconds, rounded up).
 *
 * <p>Runs after Spring Security (-100), so the user is the validated token's; requests refused there
 * (401/403) never reach Redis. Actuator and API-docs paths are not limited (probes and scrapers come
 * from a few addresses and would share one budget).
 */
final class RateLimitFilter implements WebFilter, Ordered {

    static final int ORDER = -50;

    private static final List<String> CREDENTIAL_PATHS = List.of(
            "/api/v1/auth/login", "/api/v1/auth/refresh", "/api/v1/auth/sms-codes", "/api/v1/auth/password-resets");

    private final RedisRateLimiter limiter;
    private final RateLimitProperties properties;
    private final ClientAddresses addresses;
    private final ProblemResponses problems;

    RateLimitFilter(
            RedisRateLimiter limiter,
            RateLimitProperties properties,
            ClientAddresses addresses,
            ProblemResponses problems) {
        this.limiter = limiter;
        this.properties = properties;
        this.addresses = addresses;
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String path = request.getPath().value();
        if (!path.startsWith("/api/")) {
            return chain.filter(exchange);
        }
        String address = addresses.resolve(request);
        return exchange.getPrincipal()
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(principal -> limiter.check(buckets(request, path, address, principal.orElse(null))))
                .flatMap(decision -> decision.allowed() ? chain.filter(exchange) : refuse(exchange, decision));
    }

    private List<Bucket> buckets(ServerHttpRequest request, String path, String address, Object principal) {
        List<Bucket> buckets = new ArrayList<>(2);
        if (principal instanceof JwtAuthenticationToken jwt) {
            String tenant =
                    Optional.ofNullable(jwt.getToken().getClaimAsString("tid")).orElse("-");
            buckets.add(new Bucket(Budget.USER, tenant + ":" + jwt.getToken().getSubject(), properties.perUser()));
        }
        if (isCredentialEndpoint(request, path)) {
            buckets.add(new Bucket(Budget.AUTH_IP, address, properties.authPerIp()));
        }
        buckets.add(new Bucket(Budget.IP, address, properties.perIp()));
        return buckets;
    }

    private static boolean isCredentialEndpoint(ServerHttpRequest request, String path) {
        if (path.startsWith("/api/v1/auth/password-resets/")) {
            return true;
        }
        return HttpMethod.POST.equals(request.getMethod()) && CREDENTIAL_PATHS.contains(stripTrailingSlash(path));
    }

    private static String stripTrailingSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private Mono<Void> refuse(ServerWebExchange exchange, RedisRateLimiter.Decision decision) {
        long seconds = Math.max(1, (decision.retryAfter().toMillis() + 999) / 1000);
        String detail =
                switch (decision.budget()) {
                    case USER -> "Too many requests for this user; retry after " + seconds + " s.";
                    case AUTH_IP -> "Too many sign-in attempts from this address; retry after " + seconds + " s.";
                    case IP -> "Too many requests from this address; retry after " + seconds + " s.";
                };
        return problems.write(
                exchange,
                GatewayProblem.TOO_MANY_REQUESTS,
                detail,
                headers -> headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds)));
    }
}
