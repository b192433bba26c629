package com.propcloud.pms.user.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.propcloud.pms.user.crypto.CryptoProperties;
import com.propcloud.pms.user.crypto.FieldCipher;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

/** Contact and plan limits: what an operator edits that other services do not copy. */
class TenantProfileTests {

    private static final Instant NOW = Instant.parse("2026-11-21T02:00:00Z");
    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final FieldCipher CIPHER = new FieldCipher(new CryptoProperties(Map.of("k1", KEY), "k1", KEY));

    @Test
    void storesTheContactPhoneEncryptedAndShowsItMasked() {
        Tenant tenant = Tenant.register("demo", "Demo", NOW);

        tenant.changeContact("Wang Fang", "13812345678", "it@demo.example", CIPHER);

        assertThat((String) ReflectionTestUtils.getField(tenant, "contactPhone"))
                .startsWith("v1.k1.")
                .doesNotContain("13812345678");
        assertThat(tenant.toView(CIPHER).contactPhone()).isEqualTo("138****5678");
    }

    @Test
    void reportsOnlyTheContactPartsThatChangedAndClearsOnEmpty() {
        Tenant tenant = Tenant.register("demo", "Demo", NOW);
        tenant.changeContact("Wang Fang", "13812345678", "it@demo.example", CIPHER);

        assertThat(tenant.changeContact("Wang Fang", "13812345678", null, CIPHER))
                .isEmpty();
        assertThat(tenant.changeContact(null, "", "ops@demo.example", CIPHER))
                .containsExactly("contactPhone", "contactEmail");
        assertThat(tenant.toView(CIPHER).contactPhone()).isNull();
    }

    @Test
    void contactChangesAreNotWhatOtherServicesCopy() {
        Tenant tenant = Tenant.register("demo", "Demo", NOW);

        tenant.changeContact("Wang Fang", "13812345678", null, CIPHER);

        assertThat(tenant.toUpdatedEvent().updatedAt()).isEqualTo(NOW);
    }

    @Test
    void limitsAreUnlimitedUntilSet() {
        Tenant tenant = Tenant.register("demo", "Demo", NOW);

        assertThat(tenant.toView(CIPHER).limits()).isEqualTo(new TenantView.Limits(null, null));
        assertThat(tenant.changeLimits(5, null, NOW)).containsExactly("maxProjects");
        assertThat(tenant.changeLimits(5, 2000, NOW)).containsExactly("maxUnits");
        assertThat(tenant.toView(CIPHER).limits()).isEqualTo(new TenantView.Limits(5, 2000));
    }

    @Test
    void refusesALimitBelowOne() {
        Tenant tenant = Tenant.register("demo", "Demo", NOW);

        assertThatIllegalArgumentException().isThrownBy(() -> tenant.changeLimits(0, null, NOW));
    }

    @Test
    void reEncryptsTheContactPhoneUnderTheCurrentKey() {
        Tenant tenant = Tenant.register("demo", "Demo", NOW);
        tenant.changeContact(null, "13812345678", null, CIPHER);
        FieldCipher rotated = new FieldCipher(new CryptoProperties(
                Map.of("k1", KEY, "k2", Base64.getEncoder().encodeToString(new byte[] {
                    1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27,
                    28, 29, 30, 31, 32
                })),
                "k2",
                KEY));

        assertThat(tenant.rotateContactPhone(rotated)).isTrue();
        assertThat((String) ReflectionTestUtils.getField(tenant, "contactPhone"))
                .startsWith("v1.k2.");
        assertThat(tenant.toView(rotated).contactPhone()).isEqualTo("138****5678");
        assertThat(tenant.rotateContactPhone(rotated)).isFalse();
    }
}
