package com.propcloud.pms.user.key;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.propcloud.pms.user.crypto.CryptoProperties;
import com.propcloud.pms.user.crypto.FieldCipher;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

class SigningKeyTests {

    private static final Instant NOW = Instant.parse("2026-11-21T02:00:00Z");
    private static final String KEY_1 = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String KEY_2 =
            Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    private static final String HASH_KEY = KEY_1;

    private static final FieldCipher OLD_CIPHER =
            new FieldCipher(new CryptoProperties(Map.of("k1", KEY_1), "k1", HASH_KEY));
    private static final FieldCipher CIPHER =
            new FieldCipher(new CryptoProperties(Map.of("k1", KEY_1, "k2", KEY_2), "k2", HASH_KEY));

    private static RSAKey rsa;

    @BeforeAll
    static void generate() throws Exception {
        rsa = new RSAKeyGenerator(2048)
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256)
                .keyIDFromThumbprint(true)
                .generate();
    }

    private static String stored(SigningKey key) {
        return (String) ReflectionTestUtils.getField(key, "privateKey");
    }

    @Nested
    class EncryptionAtRest {

        @Test
        void storesThePrivatePartOnlyEncrypted() throws Exception {
            SigningKey key = SigningKey.active(rsa, NOW, CIPHER);

            String pkcs8 =
                    Base64.getEncoder().encodeToString(rsa.toRSAPrivateKey().getEncoded());
            assertThat(stored(key)).startsWith("v1.k2.").doesNotContain(pkcs8.substring(0, 40));
        }

        @Test
        void readsTheKeyPairBack() throws Exception {
            SigningKey key = SigningKey.active(rsa, NOW, CIPHER);

            assertThat(key.toJwk(CIPHER).toRSAPrivateKey()).isEqualTo(rsa.toRSAPrivateKey());
        }

        @Test
        void encryptsAPrivateKeyStoredInPlainText() throws Exception {
            SigningKey key = SigningKey.active(rsa, NOW, CIPHER);
            String pkcs8 =
                    Base64.getEncoder().encodeToString(rsa.toRSAPrivateKey().getEncoded());
            ReflectionTestUtils.setField(key, "privateKey", pkcs8); // as rows were before encryption at rest

            assertThat(key.protectPrivateKey(CIPHER)).isTrue();
            assertThat(stored(key)).startsWith("v1.k2.");
            assertThat(key.toJwk(CIPHER).toRSAPrivateKey()).isEqualTo(rsa.toRSAPrivateKey());
        }

        @Test
        void reEncryptsUnderTheCurrentEncryptionKey() throws Exception {
            SigningKey key = SigningKey.active(rsa, NOW, OLD_CIPHER);

            assertThat(key.protectPrivateKey(CIPHER)).isTrue();
            assertThat(stored(key)).startsWith("v1.k2.");
            assertThat(key.toJwk(CIPHER).toRSAPrivateKey()).isEqualTo(rsa.toRSAPrivateKey());
        }

        @Test
        void leavesAKeyEncryptedUnderTheCurrentKeyAlone() {
            SigningKey key = SigningKey.active(rsa, NOW, CIPHER);
            String before = stored(key);

            assertThat(key.protectPrivateKey(CIPHER)).isFalse();
            assertThat(stored(key)).isEqualTo(before);
        }
    }

    @Nested
    class Rotation {

        private static final Duration PERIOD = Duration.ofDays(30);
        private static final Duration GRACE = Duration.ofMinutes(17);

        @Test
        void isDueOnceTheKeyHasSignedForAWholePeriod() {
            SigningKey key = SigningKey.active(rsa, NOW, CIPHER);

            assertThat(key.dueForRotation(PERIOD, NOW.plus(PERIOD).minusSeconds(1)))
                    .isFalse();
            assertThat(key.dueForRotation(PERIOD, NOW.plus(PERIOD))).isTrue();
        }

        @Test
        void aSupersededKeyIsNeitherDueNorActive() {
            SigningKey key = SigningKey.active(rsa, NOW, CIPHER);

            key.supersede(NOW.plus(PERIOD));

            assertThat(key.isActive()).isFalse();
            assertThat(key.status()).isEqualTo(SigningKeyStatus.PREVIOUS);
            assertThat(key.dueForRotation(PERIOD, NOW.plus(PERIOD.multipliedBy(2))))
                    .isFalse();
        }

        @Test
        void staysTrustedUntilTheGraceAfterItStoppedSigningHasPassed() {
            SigningKey key = SigningKey.active(rsa, NOW, CIPHER);
            Instant superseded = NOW.plus(PERIOD);
            key.supersede(superseded);

            assertThat(key.retireIfExpired(GRACE, superseded.plus(GRACE).minusSeconds(1)))
                    .isFalse();
            assertThat(key.status()).isEqualTo(SigningKeyStatus.PREVIOUS);
            assertThat(key.retireIfExpired(GRACE, superseded.plus(GRACE))).isTrue();
            assertThat(key.status()).isEqualTo(SigningKeyStatus.RETIRED);
        }

        @Test
        void neverRetiresTheActiveKey() {
            SigningKey key = SigningKey.active(rsa, NOW, CIPHER);

            assertThat(key.retireIfExpired(GRACE, NOW.plus(PERIOD.multipliedBy(10))))
                    .isFalse();
            assertThat(key.isActive()).isTrue();
        }

        @Test
        void graceCoversTheLongestTokenPlusSkewPlusOneCheckInterval() {
            SigningKeyProperties properties = new SigningKeyProperties(
                    PERIOD,
                    Duration.ofMinutes(1),
                    Duration.ofMinutes(15),
                    Duration.ofMinutes(20),
                    Duration.ofSeconds(60));

            assertThat(properties.retirementGrace()).isEqualTo(Duration.ofMinutes(22));
        }
    }
}
