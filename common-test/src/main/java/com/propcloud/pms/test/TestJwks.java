package com.propcloud.pms.test;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * A stand-in for user-service's JWKS in tests of the other services: an RSA key served as a JWK set on
 * a free local port, and tokens signed with it that carry the platform's fixed claims. One instance
 * per JVM ({@link #get()}); services' test contexts point {@code jwk-set-uri} at {@link #jwksUri()}.
 */
public final class TestJwks {

    public static final String ISSUER = "pms";
    private static volatile TestJwks instance;

    private final RSAKey key;
    private final HttpServer server;

    private TestJwks() {
        this.key = newKey("test-key-" + UUID.randomUUID());
        try {
            this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the test JWKS server", e);
        }
        byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server.createContext("/jwks", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    public static TestJwks get() {
        if (instance == null) {
            synchronized (TestJwks.class) {
                if (instance == null) {
                    instance = new TestJwks();
                }
            }
        }
        return instance;
    }

    public String jwksUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
    }

    /** A staff token of the given tenant with the given roles, valid for 15 minutes. */
    public String staffToken(UUID tenantId, String tenantCode, String... roles) {
        return token().tenant(tenantId, tenantCode).roles(roles).sign();
    }

    public Builder token() {
        return new Builder(key);
    }

    /**
     * A key with the same {@code kid} as the served one but a different secret: what a forger would
     * sign with.
     */
    public Builder forgedToken() {
        return new Builder(newKey(key.getKeyID()));
    }

    private static RSAKey newKey(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Builds a signed token; defaults to a staff member of a random tenant, valid for 15 minutes. */
    public static final class Builder {
        private final RSAKey signingKey;
        private final JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder();
        private Instant issuedAt = Instant.now();
        private Duration lifetime = Duration.ofMinutes(15);

        private Builder(RSAKey signingKey) {
            this.signingKey = signingKey;
            claims.issuer(ISSUER)
                    .subject(UUID.randomUUID().toString())
                    .claim("tid", UUID.randomUUID().toString())
                    .claim("tenant", "demo")
                    .claim("kind", "staff")
                    .claim("roles", List.of("HQ_ADMIN"));
        }

        public Builder subject(UUID userId) {
            claims.subject(userId.toString());
            return this;
        }

        public Builder tenant(UUID tenantId, String tenantCode) {
            claims.claim("tid", tenantId.toString()).claim("tenant", tenantCode);
            return this;
        }

        public Builder kind(String kind) {
            claims.claim("kind", kind);
            return this;
        }

        public Builder roles(String... roles) {
            claims.claim("roles", List.of(roles));
            return this;
        }

        public Builder projects(UUID... projectIds) {
            claims.claim(
                    "projects",
                    java.util.Arrays.stream(projectIds).map(UUID::toString).toList());
            return this;
        }

        public Builder issuer(String issuer) {
            claims.issuer(issuer);
            return this;
        }

        /** Issued an hour ago with a 15-minute life. */
        public Builder expired() {
            this.issuedAt = Instant.now().minus(Duration.ofHours(1));
            return this;
        }

        public Builder lifetime(Duration lifetime) {
            this.lifetime = lifetime;
            return this;
        }

        public String sign() {
            JWTClaimsSet set = claims.issueTime(Date.from(issuedAt))
                    .notBeforeTime(Date.from(issuedAt))
                    .expirationTime(Date.from(issuedAt.plus(lifetime)))
                    .jwtID(UUID.randomUUID().toString())
                    .build();
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(signingKey.getKeyID())
                            .build(),
                    set);
            try {
                jwt.sign(new RSASSASigner(signingKey));
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
            return jwt.serialize();
        }
    }
}
