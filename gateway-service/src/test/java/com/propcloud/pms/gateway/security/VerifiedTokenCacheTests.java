package com.propcloud.pms.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

class VerifiedTokenCacheTests {

    private static final Instant ISSUED = Instant.parse("2026-01-01T10:00:00Z");

    private final AtomicReference<Instant> now = new AtomicReference<>(ISSUED);
    private final JwtTimestampValidator validator = new JwtTimestampValidator(Duration.ZERO);
    private final List<String> verified = new ArrayList<>();

    /** Stands in for the signature check: counts calls, refuses "forged", runs the validator. */
    private final ReactiveJwtDecoder verifier = token -> {
        verified.add(token);
        if (token.startsWith("forged")) {
            return Mono.error(new BadJwtException("bad signature"));
        }
        Jwt jwt = jwt(token);
        OAuth2TokenValidatorResult result = validator.validate(jwt);
        return result.hasErrors()
                ? Mono.error(new JwtValidationException("invalid", result.getErrors()))
                : Mono.just(jwt);
    };

    private final VerifiedTokenCache cache = new VerifiedTokenCache(verifier, validator, 100, Duration.ofMinutes(5));

    VerifiedTokenCacheTests() {
        validator.setClock(new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        });
    }

    @Test
    void verifiesEachTokenStringOnce() {
        Jwt first = cache.decode("token-a").block();
        Jwt again = cache.decode("token-a").block();
        cache.decode("token-b").block();

        assertThat(again).isSameAs(first);
        assertThat(verified).containsExactly("token-a", "token-b");
    }

    @Test
    void refusesACachedTokenOnceItHasExpired() {
        cache.decode("token-a").block();
        now.set(ISSUED.plus(Duration.ofMinutes(16)));

        assertThatThrownBy(() -> cache.decode("token-a").block()).isInstanceOf(JwtValidationException.class);
        assertThat(verified).containsExactly("token-a", "token-a");
        assertThat(cache.size()).isZero();
    }

    @Test
    void neverRemembersARefusedToken() {
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> cache.decode("forged-a").block()).isInstanceOf(BadJwtException.class);
        }

        assertThat(verified).containsExactly("forged-a", "forged-a");
        assertThat(cache.size()).isZero();
    }

    private static Jwt jwt(String token) {
        return Jwt.withTokenValue(token)
                .header("alg", "RS256")
                .subject(token)
                .issuedAt(ISSUED)
                .expiresAt(ISSUED.plus(Duration.ofMinutes(15)))
                .build();
    }
}
