package com.propcloud.pms.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.propcloud.pms.user.key.SigningKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

/** user-service reached directly, around the gateway, still refuses strangers. */
@UserServiceTest
class DirectServiceAccessIT {

    @Autowired
    RestTestClient client;

    @Autowired
    JwtEncoder encoder;

    @Autowired
    SigningKeys keys;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(client);
    }

    @Test
    void meWithoutTokenIsUnauthenticated() {
        assertUnauthenticated(api.get("/api/v1/me", null));
    }

    @Test
    void meWithGarbageTokenIsUnauthenticated() {
        assertUnauthenticated(api.get("/api/v1/me", "not.a.jwt"));
    }

    @Test
    void meWithTokenSignedByAForeignKeyUnderOurKidIsUnauthenticated() throws Exception {
        String kid = api.jwks().getKeys().get(0).getKeyID();
        RSAKey forger = new RSAKeyGenerator(2048).keyID(kid).generate();
        SignedJWT forged = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(), validLookingClaims());
        forged.sign(new RSASSASigner(forger));

        assertUnauthenticated(api.get("/api/v1/me", forged.serialize()));
    }

    @Test
    void meWithExpiredTokenIsUnauthenticated() {
        String expired = tokenSignedByOurKey(Instant.now().minus(Duration.ofHours(1)));

        assertUnauthenticated(api.get("/api/v1/me", expired));
    }

    @Test
    void sameTokenIssuedNowIsAccepted() {
        // the control for the expired case: only the timestamps differ
        String current = tokenSignedByOurKey(Instant.now());

        assertThat(api.get("/api/v1/me", current).getStatus()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void unknownApiPathWithoutTokenIsUnauthenticated() {
        assertUnauthenticated(api.get("/api/v1/nope", null));
    }

    @Test
    void unknownApiPathWithValidTokenIsNotFound() {
        String token = api.loginDemoAdmin().string("accessToken");

        var result = api.get("/api/v1/nope", token);

        assertThat(result.getStatus()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(result.getResponseHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .isTrue();
        assertThat(result.getResponseBody()).containsEntry("code", "not-found");
    }

    /** A token for the demo admin, signed by the service's real key, issued at the given time. */
    private String tokenSignedByOurKey(Instant issuedAt) {
        var me = api.get("/api/v1/me", api.loginDemoAdmin().string("accessToken"))
                .getResponseBody();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer("pms")
                .subject(me.string("userId"))
                .issuedAt(issuedAt)
                .expiresAt(issuedAt.plus(Duration.ofMinutes(15)))
                .claim("tid", me.string("tenantId"))
                .claim("tenant", "demo")
                .claim("kind", "staff")
                .claim("roles", List.of("HQ_ADMIN"))
                .build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256)
                .keyId(keys.activeKey().getKeyID())
                .build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }

    private static JWTClaimsSet validLookingClaims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer("pms")
                .subject(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(15))))
                .claim("tid", UUID.randomUUID().toString())
                .claim("tenant", "demo")
                .claim("kind", "staff")
                .claim("roles", List.of("HQ_ADMIN"))
                .build();
    }

    private static void assertUnauthenticated(EntityExchangeResult<Api.Json> result) {
        assertThat(result.getStatus()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(result.getResponseHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .isTrue();
        assertThat(result.getResponseBody()).containsEntry("code", "auth.unauthenticated");
    }
}
