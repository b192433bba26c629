package com.propcloud.pms.user.crypto;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Keys for personal data and for secrets this service keeps at rest, from the environment or a
 * mounted secret (never from the database they protect).
 *
 * @param keys AES-256 keys by key id, each 32 bytes in Base64; old ids stay listed after a rotation
 *     so that values written under them can still be read
 * @param currentKey the id of the key new values are encrypted with
 * @param hashKey the HMAC key (Base64, at least 32 bytes) of the search columns; changing it needs a
 *     re-hash of every row, so it is not rotated with the encryption keys
 */
@ConfigurationProperties("pms.crypto")
public record CryptoProperties(Map<String, String> keys, String currentKey, String hashKey) {

    public CryptoProperties {
        keys = keys == null ? Map.of() : Map.copyOf(keys);
    }
}
