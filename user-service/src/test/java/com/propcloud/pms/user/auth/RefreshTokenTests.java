package com.propcloud.pms.user.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RefreshTokenTests {

    private static final Instant NOW = Instant.parse("2026-11-21T02:00:00Z");

    private final RefreshToken token = RefreshToken.issue(
            "hash", UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), NOW, Duration.ofDays(30));

    @Test
    void isRedeemableUntilItExpires() {
        assertThat(token.isRedeemable(NOW.plus(Duration.ofDays(30)).minusSeconds(1)))
                .isTrue();
    }

    @Test
    void isNotRedeemableOnceExpired() {
        assertThat(token.isRedeemable(NOW.plus(Duration.ofDays(30)))).isFalse();
    }

    @Test
    void isNotRedeemableTwice() {
        token.redeem(NOW);

        assertThat(token.isRedeemable(NOW)).isFalse();
    }

    @Test
    void remembersItWasUsed() {
        token.redeem(NOW);

        assertThat(token.wasUsed()).isTrue();
    }

    @Test
    void refusesASecondRedemption() {
        token.redeem(NOW);

        assertThatIllegalStateException().isThrownBy(() -> token.redeem(NOW));
    }

    @Test
    void hashIsTheHexSha256OfTheToken() {
        assertThat(RefreshTokens.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
