package com.propcloud.pms.user.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * A keyed hash (HMAC-SHA256) of a normalised value, stored beside its ciphertext so that staff can
 * find a person by exact phone number without the database ever holding the number. Without the key
 * the hashes of the few billion possible phone numbers cannot be precomputed.
 */
@Component
public class SearchHash {

    private static final String ALGORITHM = "HmacSHA256";
    private static final int MIN_KEY_BYTES = 32;

    private final SecretKeySpec key;

    public SearchHash(CryptoProperties properties) {
        if (properties.hashKey() == null) {
            throw new IllegalStateException("pms.crypto.hash-key is required (PMS_CRYPTO_HASH_KEY)");
        }
        byte[] bytes = Base64.getDecoder().decode(properties.hashKey().strip());
        if (bytes.length < MIN_KEY_BYTES) {
            throw new IllegalStateException("pms.crypto.hash-key must be at least 32 bytes");
        }
        this.key = new SecretKeySpec(bytes, ALGORITHM);
    }

    /** Hex HMAC of {@code purpose} and the value, so equal phones and equal ID numbers never collide. */
    public String of(String purpose, String normalisedValue) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(normalisedValue.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
