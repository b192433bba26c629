package com.propcloud.pms.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Remembers tokens whose signature has already been verified, so a client sending the same access
 * token again does not pay for parsing the JWT, converting the JWK to an RSA key and the RS256
 * verification each time (about a quarter of the gateway's CPU samples under load, see
 * docs/benchmarks.md).
 *
 * <p>What is cached is only the fact "this exact token string carries a valid signature of a key
 * from our key set": the key is the whole compact token (header, claims and signature), so any
 * changed byte is a miss and goes through full verification. The claims are still checked on every
 * request: a hit runs the same validator (expiry, not-before, issuer, {@code exp} present) against
 * the cached {@link Jwt}, and a token that no longer passes is dropped and handed to the full
 * decoder, which refuses it exactly as it would without the cache. Bounded in size, and entries
 * are forgotten after {@code maxAge} (so a key taken out of the key set stops being honoured by
 * then, even for tokens that have not expired).
 */
final class VerifiedTokenCache implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder verifier;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Cache<String, Jwt> verified;

    /**
     * @param verifier the full decoder: parses, verifies the signature, runs {@code validator}
     * @param validator the claim checks {@code verifier} applies, repeated on every cache hit
     */
    VerifiedTokenCache(
            ReactiveJwtDecoder verifier, OAuth2TokenValidator<Jwt> validator, long maxEntries, Duration maxAge) {
        this.verifier = verifier;
        this.validator = validator;
        this.verified = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .expireAfterWrite(maxAge)
                .build();
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = verified.getIfPresent(token);
        if (known != null) {
            if (!validator.validate(known).hasErrors()) {
                return Mono.just(known);
            }
            // expired (or otherwise no longer acceptable): let the full decoder refuse it as usual
            verified.invalidate(token);
        }
        return verifier.decode(token).doOnNext(jwt -> verified.put(token, jwt));
    }

    long size() {
        verified.cleanUp();
        return verified.estimatedSize();
    }
}
