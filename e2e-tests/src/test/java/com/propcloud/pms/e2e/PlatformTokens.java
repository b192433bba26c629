package com.propcloud.pms.e2e;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.propcloud.pms.test.TestInfrastructure;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Tokens for the authorization matrix: genuine ones signed with user-service's active key (read from
 * its database, as only a test may), so any tenant, role or expiry can be tried, and the forgeries a
 * hostile client would try (tampered claims, {@code alg: none}, a foreign key under the real
 * {@code kid}, an unknown {@code kid}).
 */
final class PlatformTokens {

    private final RSAKey platformKey;
    private final java.util.Map<String, UUID> tenantIds;

    private PlatformTokens(RSAKey platformKey, java.util.Map<String, UUID> tenantIds) {
        this.platformKey = platformKey;
        this.tenantIds = tenantIds;
    }

    /** The id of a seeded tenant, e.g. {@code demo} or {@code acme}. */
    UUID tenantId(String code) {
        UUID id = tenantIds.get(code);
        if (id == null) {
            throw new IllegalStateException("No tenant " + code + " seeded; known: " + tenantIds.keySet());
        }
        return id;
    }

    static PlatformTokens load() throws Exception {
        TestInfrastructure infra = TestInfrastructure.get();
        String url = infra.postgresAdminUrl().replace("/postgres", "/" + infra.runId() + "_user");
        try (var connection = DriverManager.getConnection(
                        url, infra.postgres().username(), infra.postgres().password());
                var rs = connection
                        .createStatement()
                        .executeQuery("select private_key, public_jwk from signing_key where status = 'ACTIVE'")) {
            if (!rs.next()) {
                throw new IllegalStateException("user-service has no active signing key");
            }
            RSAKey publicKey = RSAKey.parse(rs.getString(2));
            byte[] pkcs8 = Base64.getDecoder().decode(decrypt(rs.getString(1)));
            RSAPrivateKey privateKey =
                    (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            java.util.Map<String, UUID> tenants = new java.util.HashMap<>();
            try (var codes = connection.createStatement().executeQuery("select code, id from tenant")) {
                while (codes.next()) {
                    tenants.put(codes.getString(1), UUID.fromString(codes.getString(2)));
                }
            }
            return new PlatformTokens(
                    new RSAKey.Builder(publicKey).privateKey(privateKey).build(), tenants);
        }
    }

    /**
     * The signing key's private part as user-service stores it: AES-256-GCM {@code v1.<keyId>.<base64url(
     * nonce ‖ ciphertext ‖ tag)>} with the purpose as associated data, under the key the platform was
     * started with ({@link Platform#CRYPTO_KEY}).
     */
    private static String decrypt(String stored) throws Exception {
        String[] parts = stored.split("\\.", 3);
        if (parts.length != 3 || !parts[0].equals("v1") || !parts[1].equals(Platform.CRYPTO_KEY_ID)) {
            throw new IllegalStateException("The signing key is not encrypted under the platform's key");
        }
        byte[] sealed = Base64.getUrlDecoder().decode(parts[2]);
        javax.crypto.Cipher cipher = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(
                javax.crypto.Cipher.DECRYPT_MODE,
                new javax.crypto.spec.SecretKeySpec(Base64.getDecoder().decode(Platform.CRYPTO_KEY), "AES"),
                new javax.crypto.spec.GCMParameterSpec(128, sealed, 0, 12));
        cipher.updateAAD("signing-key".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return new String(cipher.doFinal(sealed, 12, sealed.length - 12), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A genuine staff token of {@code tenant} with {@code roles} and no {@code projects} claim, valid for 15 minutes. */
    String staff(UUID tenant, String tenantCode, String... roles) {
        return sign(platformKey, claims(tenant, tenantCode, "staff", roles, Instant.now()));
    }

    /**
     * A genuine staff token scoped to {@code projects}, as user-service issues them for every role but
     * HQ admin (the claim is present, even when empty).
     */
    String staffIn(UUID tenant, String tenantCode, Collection<UUID> projects, String... roles) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder(claims(tenant, tenantCode, "staff", roles, Instant.now()))
                .claim("projects", projects.stream().map(UUID::toString).toList())
                .build();
        return sign(platformKey, claims);
    }

    /** A platform operator, as user-service issues them: tenant {@code platform}, kind {@code operator}. */
    String operator() {
        return sign(
                platformKey,
                claims(
                        tenantId("platform"),
                        "platform",
                        "operator",
                        new String[] {"PLATFORM_OPERATOR"},
                        Instant.now()));
    }

    /** An owner of {@code tenant} nobody else is: a fresh subject. */
    String owner(UUID tenant, String tenantCode) {
        return owner(tenant, tenantCode, UUID.randomUUID());
    }

    /** The owner {@code ownerId} of {@code tenant} ({@code kind: owner}, role {@code OWNER}). */
    String owner(UUID tenant, String tenantCode, UUID ownerId) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder(
                        claims(tenant, tenantCode, "owner", new String[] {"OWNER"}, Instant.now()))
                .subject(ownerId.toString())
                .build();
        return sign(platformKey, claims);
    }

    /** Genuinely signed, expired a good while ago (past any clock-skew allowance). */
    String expired(UUID tenant, String tenantCode) {
        return sign(
                platformKey,
                claims(
                        tenant,
                        tenantCode,
                        "staff",
                        new String[] {"HQ_ADMIN"},
                        Instant.now().minus(Duration.ofHours(2))));
    }

    /** A genuine token whose payload was edited afterwards to claim HQ admin of another tenant. */
    String tampered(UUID tenant, String tenantCode) {
        String genuine = staff(tenant, tenantCode, "TECHNICIAN");
        String[] parts = genuine.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"TECHNICIAN\"", "\"HQ_ADMIN\"")
                .replace(tenant.toString(), UUID.randomUUID().toString());
        return parts[0] + "." + base64(payload) + "." + parts[2];
    }

    /** An unsigned token that names the real key, hoping the verifier honours {@code alg: none}. */
    String algNone(UUID tenant, String tenantCode) {
        String header = "{\"alg\":\"none\",\"kid\":\"" + platformKey.getKeyID() + "\"}";
        String payload = claims(tenant, tenantCode, "staff", new String[] {"HQ_ADMIN"}, Instant.now())
                .toString();
        return base64(header) + "." + base64(payload) + ".";
    }

    /** Signed by an attacker's key under the platform's real {@code kid}. */
    String wronglySigned(UUID tenant, String tenantCode) {
        return sign(
                newKey(platformKey.getKeyID()),
                claims(tenant, tenantCode, "staff", new String[] {"HQ_ADMIN"}, Instant.now()));
    }

    /** Signed by a key the platform never published. */
    String unknownKid(UUID tenant, String tenantCode) {
        return sign(
                newKey("unknown-" + UUID.randomUUID()),
                claims(tenant, tenantCode, "staff", new String[] {"HQ_ADMIN"}, Instant.now()));
    }

    private static JWTClaimsSet claims(UUID tenant, String code, String kind, String[] roles, Instant issuedAt) {
        return new JWTClaimsSet.Builder()
                .issuer("pms")
                .subject(UUID.randomUUID().toString())
                .claim("tid", tenant.toString())
                .claim("tenant", code)
                .claim("kind", kind)
                .claim("roles", List.of(roles))
                .issueTime(Date.from(issuedAt))
                .notBeforeTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(Duration.ofMinutes(15))))
                .jwtID(UUID.randomUUID().toString())
                .build();
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static RSAKey newKey(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
