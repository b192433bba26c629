package com.propcloud.pms.user.key;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.text.ParseException;
import java.time.Instant;
import java.util.Base64;

/** One RS256 key pair that signs (or signed) access tokens, persisted so every instance shares it. */
@Entity
@Table(name = "signing_key")
class SigningKey {

    @Id
    private String kid;

    private String privateKey;
    private String publicJwk;
    private Instant createdAt;

    @Enumerated(EnumType.STRING)
    private SigningKeyStatus status;

    protected SigningKey() {} // for JPA

    static SigningKey active(RSAKey key, Instant now) {
        try {
            SigningKey signingKey = new SigningKey();
            signingKey.kid = key.getKeyID();
            signingKey.privateKey =
                    Base64.getEncoder().encodeToString(key.toRSAPrivateKey().getEncoded());
            signingKey.publicJwk = key.toPublicJWK().toJSONString();
            signingKey.createdAt = now;
            signingKey.status = SigningKeyStatus.ACTIVE;
            return signingKey;
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException("Cannot read the private part of key " + key.getKeyID(), e);
        }
    }

    boolean isActive() {
        return status == SigningKeyStatus.ACTIVE;
    }

    String kid() {
        return kid;
    }

    /** The key pair as a JWK, private part included: only for signing, never for publishing. */
    RSAKey toJwk() {
        try {
            RSAKey publicPart = (RSAKey) JWK.parse(publicJwk);
            byte[] pkcs8 = Base64.getDecoder().decode(privateKey);
            RSAPrivateKey priv =
                    (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            return new RSAKey.Builder(publicPart).privateKey(priv).build();
        } catch (ParseException | GeneralSecurityException e) {
            throw new IllegalStateException("Signing key " + kid + " is unreadable", e);
        }
    }
}
