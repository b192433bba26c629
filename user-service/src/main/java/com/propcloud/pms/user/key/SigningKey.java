package com.propcloud.pms.user.key;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.propcloud.pms.user.crypto.FieldCipher;
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
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * One RS256 key pair that signs (or signed) access tokens, persisted so every instance shares it.
 * The private part is stored encrypted with {@link FieldCipher} (purpose {@value #PURPOSE}), so a copy
 * of the table or a backup alone cannot mint tokens.
 */
@Entity
@Table(name = "signing_key")
class SigningKey {

    /** Bound into the ciphertext: a private key copied into another encrypted column does not decrypt. */
    static final String PURPOSE = "signing-key";

    private static final String ENCRYPTED_PREFIX = "v1.";

    @Id
    private String kid;

    private String privateKey;
    private String publicJwk;
    private Instant createdAt;

    @Enumerated(EnumType.STRING)
    private SigningKeyStatus status;

    /** When it stopped signing; the clock of its grace period as a verifying key. */
    private @Nullable Instant supersededAt;

    private @Nullable Instant retiredAt;

    protected SigningKey() {} // for JPA

    static SigningKey active(RSAKey key, Instant now, FieldCipher cipher) {
        try {
            SigningKey signingKey = new SigningKey();
            signingKey.kid = key.getKeyID();
            String pkcs8 =
                    Base64.getEncoder().encodeToString(key.toRSAPrivateKey().getEncoded());
            signingKey.privateKey = cipher.encrypt(pkcs8, PURPOSE);
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

    SigningKeyStatus status() {
        return status;
    }

    /**
     * Encrypts a private part stored in plain text (rows from before encryption at rest), or
     * re-encrypts one written under an older encryption key with the current one.
     *
     * @return whether the stored value changed
     */
    boolean protectPrivateKey(FieldCipher cipher) {
        if (!privateKey.startsWith(ENCRYPTED_PREFIX)) {
            privateKey = cipher.encrypt(privateKey, PURPOSE);
            return true;
        }
        if (cipher.needsRotation(privateKey)) {
            privateKey = cipher.encrypt(cipher.decrypt(privateKey, PURPOSE), PURPOSE);
            return true;
        }
        return false;
    }

    /** Whether the active key has signed for a whole rotation period. */
    boolean dueForRotation(Duration rotation, Instant now) {
        return isActive() && !createdAt.plus(rotation).isAfter(now);
    }

    /** Stops signing; tokens it signed stay verifiable until it is retired. */
    void supersede(Instant now) {
        if (!isActive()) {
            throw new IllegalStateException("Only the active key can be superseded, not " + kid + " (" + status + ")");
        }
        status = SigningKeyStatus.PREVIOUS;
        supersededAt = now;
    }

    /**
     * Retires a previous key once {@code grace} has passed since it stopped signing, so that no token
     * it signed can still be valid.
     *
     * @return whether it was retired now
     */
    boolean retireIfExpired(Duration grace, Instant now) {
        if (status != SigningKeyStatus.PREVIOUS) {
            return false;
        }
        Instant stoppedSigning = supersededAt == null ? createdAt : supersededAt;
        if (stoppedSigning.plus(grace).isAfter(now)) {
            return false;
        }
        status = SigningKeyStatus.RETIRED;
        retiredAt = now;
        return true;
    }

    /** The key pair as a JWK, private part included: only for signing, never for publishing. */
    RSAKey toJwk(FieldCipher cipher) {
        try {
            RSAKey publicPart = (RSAKey) JWK.parse(publicJwk);
            byte[] pkcs8 = Base64.getDecoder().decode(cipher.decrypt(privateKey, PURPOSE));
            RSAPrivateKey priv =
                    (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            return new RSAKey.Builder(publicPart).privateKey(priv).build();
        } catch (ParseException | GeneralSecurityException e) {
            throw new IllegalStateException("Signing key " + kid + " is unreadable", e);
        }
    }
}
