package com.propcloud.pms.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;

class IdentityHeaderFilterTests {

    private final IdentityHeaderFilter filter = new IdentityHeaderFilter();

    @Test
    void removesIdentityHeadersWhateverTheirCase() {
        HttpHeaders seen = filter(MockServerHttpRequest.get("/api/v1/me")
                .header("x-TENANT-id", "t")
                .header("X-Pms-Roles", "HQ_ADMIN")
                .header("X-User-Id", "u")
                .header("X-Auth-Subject", "s")
                .header("x-roles", "r")
                .header("X-Forwarded-User", "f")
                .header("X-Remote-User", "m"));

        assertThat(seen.headerNames()).isEmpty();
    }

    @Test
    void keepsEverythingElse() {
        HttpHeaders seen = filter(MockServerHttpRequest.get("/api/v1/me")
                .header(HttpHeaders.AUTHORIZATION, "Bearer abc")
                .header("X-Request-Id", "1")
                .header("X-Forwarded-For", "10.0.0.1")
                .header("X-Username-Hint", "not an identity prefix"));

        assertThat(seen.headerNames())
                .containsExactlyInAnyOrder(
                        HttpHeaders.AUTHORIZATION, "X-Request-Id", "X-Forwarded-For", "X-Username-Hint");
    }

    private HttpHeaders filter(MockServerHttpRequest.BaseBuilder<?> request) {
        AtomicReference<HttpHeaders> seen = new AtomicReference<>();
        filter.filter(MockServerWebExchange.from(request), exchange -> {
                    seen.set(exchange.getRequest().getHeaders());
                    return Mono.empty();
                })
                .block();
        return seen.get();
    }
}
