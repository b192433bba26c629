package com.propcloud.pms.user.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldCipherTests {

    private static final String KEY_1 = key(1);
    private static final String KEY_2 = key(2);
    private static final String HASH_KEY = key(3);

    @Test
    void roundTripsAndNeverRepeatsACiphertext() {
        FieldCipher cipher = new FieldCipher(new CryptoProperties(Map.of("k1", KEY_1), "k1", HASH_KEY));

        String first = cipher.encrypt("13900000001", "phone");
        String second = cipher.encrypt("13900000001", "phone");

        assertThat(first).startsWith("v1.k1.").doesNotContain("13900000001").isNotEqualTo(second);
        assertThat(cipher.decrypt(first, "phone")).isEqualTo("13900000001");
        assertThat(cipher.decrypt(second, "phone")).isEqualTo("13900000001");
    }

    @Test
    void aValueDoesNotDecryptUnderAnotherPurpose() {
        FieldCipher cipher = new FieldCipher(new CryptoProperties(Map.of("k1", KEY_1), "k1", HASH_KEY));
        String phone = cipher.encrypt("13900000001", "phone");

        assertThatThrownBy(() -> cipher.decrypt(phone, "id-number")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aTamperedValueFailsAuthentication() {
        FieldCipher cipher = new FieldCipher(new CryptoProperties(Map.of("k1", KEY_1), "k1", HASH_KEY));
        String stored = cipher.encrypt("13900000001", "phone");
        char last = stored.charAt(stored.length() - 2);
        String tampered = stored.substring(0, stored.length() - 2)
                + (last == 'A' ? 'B' : 'A')
                + stored.charAt(stored.length() - 1);

        assertThatThrownBy(() -> cipher.decrypt(tampered, "phone")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void afterARotationOldValuesStillDecryptAndAreMarkedForReencryption() {
        FieldCipher before = new FieldCipher(new CryptoProperties(Map.of("k1", KEY_1), "k1", HASH_KEY));
        String old = before.encrypt("110101198001010019", "id-number");

        FieldCipher after = new FieldCipher(new CryptoProperties(Map.of("k1", KEY_1, "k2", KEY_2), "k2", HASH_KEY));
        String fresh = after.encrypt("110101198001010019", "id-number");

        assertThat(after.decrypt(old, "id-number")).isEqualTo("110101198001010019");
        assertThat(after.needsRotation(old)).isTrue();
        assertThat(fresh).startsWith("v1.k2.");
        assertThat(after.needsRotation(fresh)).isFalse();
    }

    @Test
    void aValueUnderARemovedKeyIsRefusedByName() {
        FieldCipher before = new FieldCipher(new CryptoProperties(Map.of("k1", KEY_1), "k1", HASH_KEY));
        String old = before.encrypt("13900000001", "phone");
        FieldCipher after = new FieldCipher(new CryptoProperties(Map.of("k2", KEY_2), "k2", HASH_KEY));

        assertThatThrownBy(() -> after.decrypt(old, "phone")).hasMessageContaining("'k1'");
    }

    @Test
    void refusesAShortKeyAndACurrentKeyThatIsNotListed() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> new FieldCipher(new CryptoProperties(Map.of("k1", shortKey), "k1", HASH_KEY)))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new FieldCipher(new CryptoProperties(Map.of("k1", KEY_1), "k9", HASH_KEY)))
                .hasMessageContaining("current-key");
    }

    @Test
    void searchHashesAreStablePerPurposeAndKey() {
        SearchHash hash = new SearchHash(new CryptoProperties(Map.of("k1", KEY_1), "k1", HASH_KEY));
        SearchHash otherKey = new SearchHash(new CryptoProperties(Map.of("k1", KEY_1), "k1", KEY_2));

        assertThat(hash.of("phone", "13900000001"))
                .isEqualTo(hash.of("phone", "13900000001"))
                .hasSize(64);
        assertThat(hash.of("phone", "13900000001")).isNotEqualTo(hash.of("phone", "13900000002"));
        assertThat(hash.of("phone", "13900000001")).isNotEqualTo(hash.of("id-number", "13900000001"));
        assertThat(hash.of("phone", "13900000001")).isNotEqualTo(otherKey.of("phone", "13900000001"));
    }

    private static String key(int seed) {
        byte[] bytes = new byte[32];
        java.util.Arrays.fill(bytes, (byte) seed);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
