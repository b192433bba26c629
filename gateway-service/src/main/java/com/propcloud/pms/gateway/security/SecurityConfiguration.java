package com.propcloud.pms.gateway.security;

import com.propcloud.pms.gateway.problem.ProblemResponses;
import io.netty.channel.ChannelOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

/**
 * The gateway as an OAuth2 resource server: RS256 tokens from user-service, checked against its
 * JWKS and issuer ({@link BearerTokenFilter}); a fixed set of public endpoints; everything else under
 * {@code /api/} needs a token, and nothing outside {@code /api/} is reachable at all
 * ({@link GatewayAccessRules}). Stateless: no session, no CSRF (no cookies carry credentials), no
 * saved requests.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

    /**
     * Swagger UI needs inline styles and data: images; everything else loads from this origin.
     * The API's JSON never renders, so the same policy costs it nothing.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    /** Bounds of the verified-token cache (entries of a few KB each; see {@link VerifiedTokenCache}). */
    private static final long VERIFIED_TOKENS_MAX = 10_000;

    private static final Duration VERIFIED_TOKENS_MAX_AGE = Duration.ofMinutes(5);

    @Bean
    SecurityWebFilterChain securityWebFilterChain(
            ServerHttpSecurity http, ReactiveJwtDecoder jwtDecoder, ProblemResponses problems) {
        var entryPoint = new ProblemAuthenticationEntryPoint(problems);
        var accessDenied = new ProblemAccessDeniedHandler(problems);
        return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .anonymous(ServerHttpSecurity.AnonymousSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .cors(cors -> {})
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.mode(Mode.DENY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .addFilterAt(new BearerTokenFilter(jwtDecoder, entryPoint), SecurityWebFiltersOrder.AUTHENTICATION)
                .authorizeExchange(exchanges -> exchanges.anyExchange().access(new GatewayAccessRules()))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied))
                .build();
    }

    /**
     * Spring Security's own observations (a timer per filter-chain phase, per authentication, per
     * authorization) took 5-7% of the gateway's CPU samples under load (docs/benchmarks.md); every
     * request is already timed by {@code http.server.requests} and the gateway's route metrics, and
     * 401/403 show there by status.
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    ReactiveJwtDecoder jwtDecoder(OAuth2ResourceServerProperties resourceServer, SecurityProperties security) {
        String jwkSetUri = resourceServer.getJwt().getJwkSetUri();
        Objects.requireNonNull(jwkSetUri, "spring.security.oauth2.resourceserver.jwt.jwk-set-uri must be set");
        // bounded, so a down user-service fails token checks fast (503) instead of stalling callers
        int timeoutMillis = Math.toIntExact(security.jwksTimeout().toMillis());
        HttpClient httpClient = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, timeoutMillis)
                .responseTimeout(security.jwksTimeout());
        WebClient jwksClient = WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(httpClient))
                .build();
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(jwkSetUri)
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .webClient(jwksClient)
                .build();
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(security.issuer()),
                // the default validators accept a token without exp; ours are always short-lived
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull));
        decoder.setJwtValidator(validator);
        // a key set that cannot be fetched surfaces as a bare IllegalStateException; as a JwtException
        // Spring reports it as an AuthenticationServiceException, which the error handler answers with
        // 503 auth.unavailable instead of blaming the routed service
        ReactiveJwtDecoder verifier = token -> decoder.decode(token)
                .onErrorMap(
                        failure -> !(failure instanceof JwtException),
                        failure ->
                                new JwtException("The token could not be checked: " + failure.getMessage(), failure));
        // a client repeats its access token for minutes: verify the signature once per token string,
        // check the claims (expiry, issuer) on every request
        return new VerifiedTokenCache(verifier, validator, VERIFIED_TOKENS_MAX, VERIFIED_TOKENS_MAX_AGE);
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(CorsProperties properties) {
        CorsConfiguration config = new CorsConfiguration();
        config.setAllowedOrigins(properties.allowedOrigins());
        config.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        config.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept", "Idempotency-Key", "traceparent"));
        config.setExposedHeaders(List.of("Location", "Content-Disposition", "WWW-Authenticate"));
        // tokens travel in the Authorization header, never in cookies
        config.setAllowCredentials(false);
        config.setMaxAge(properties.maxAge());
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", config);
        return source;
    }
}
