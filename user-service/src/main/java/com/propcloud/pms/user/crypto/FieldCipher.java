package com.propcloud.pms.user.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Encrypts single values with AES-256-GCM for storage: {@code v1.<keyId>.<base64url(nonce ‖ ciphertext
 * ‖ tag)>}. The key id lets a rotation add a new current key while older values still decrypt; the
 * purpose (a column name, say) is bound as associated data, so a value copied into another column
 * does not decrypt there.
 */
@Component
public class FieldCipher {

    private static final String FORMAT = "v1";
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int KEY_BYTES = 32;

    private final Map<String, SecretKey> keys;
    private final String currentKeyId;
    private final SecureRandom random = new SecureRandom();

    public FieldCipher(CryptoProperties properties) {
        this.keys = decodeKeys(properties.keys());
        this.currentKeyId = properties.currentKey();
        if (currentKeyId == null || !keys.containsKey(currentKeyId)) {
            throw new IllegalStateException(
                    "pms.crypto.current-key must name one of pms.crypto.keys (PMS_CRYPTO_CURRENT_KEY)");
        }
    }

    public String encrypt(String plaintext, String purpose) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(purpose));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce)
                    .put(sealed)
                    .array();
            return FORMAT + "." + currentKeyId + "."
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    public String decrypt(String stored, String purpose) {
        String[] parts = stored.split("\\.", 3);
        if (parts.length != 3 || !FORMAT.equals(parts[0])) {
            throw new IllegalArgumentException("Not a value this cipher wrote");
        }
        SecretKey key = keys.get(parts[1]);
        if (key == null) {
            throw new IllegalStateException("Encryption key '" + parts[1] + "' is not configured");
        }
        byte[] in = Base64.getUrlDecoder().decode(parts[2]);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData(purpose));
            byte[] plain = cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Stored value failed authentication (wrong key, purpose or tampered)", e);
        }
    }

    /** Whether {@code stored} was written under an older key and should be re-encrypted. */
    public boolean needsRotation(String stored) {
        return !stored.startsWith(FORMAT + "." + currentKeyId + ".");
    }

    public String currentKeyId() {
        return currentKeyId;
    }

    private static byte[] associatedData(String purpose) {
        return purpose.getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, SecretKey> decodeKeys(Map<String, String> configured) {
        Map<String, SecretKey> decoded = new LinkedHashMap<>();
        configured.forEach((id, base64) -> {
            if (!id.matches("[A-Za-z0-9_-]{1,32}")) {
                throw new IllegalStateException("Encryption key id '" + id + "' must be 1-32 of [A-Za-z0-9_-]");
            }
            byte[] bytes = Base64.getDecoder().decode(base64.strip());
            if (bytes.length != KEY_BYTES) {
                throw new IllegalStateException("Encryption key '" + id + "' must be 32 bytes (AES-256)");
            }
            decoded.put(id, new SecretKeySpec(bytes, "AES"));
        });
        return Map.copyOf(decoded);
    }
}
