package com.propcloud.pms.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LeasedTokensTests {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();
    private static final String KEY = "user:alice";

    private final LeasedTokens leases = new LeasedTokens(50, Duration.ofSeconds(1));

    @Test
    void unknownKeyHoldsNothingAndAsksForOne() {
        assertThat(leases.tryTake(KEY, 0)).isFalse();
        assertThat(leases.sizeOfNextLease(KEY, 1000, 0)).isEqualTo(1);
    }

    @Test
    void grantedTokensBeyondTheCurrentRequestAreHandedOutUntilUsedUp() {
        leases.grant(KEY, 3, 0);

        assertThat(leases.tryTake(KEY, 1)).isTrue();
        assertThat(leases.tryTake(KEY, 2)).isTrue();
        assertThat(leases.tryTake(KEY, 3)).isFalse();
    }

    @Test
    void leaseDoublesWhileItIsUsedUpBeforeItLapsesUpToTheCap() {
        long now = 0;
        long size = 1;
        for (int round = 0; round < 10; round++) {
            leases.grant(KEY, size, now);
            while (leases.tryTake(KEY, now)) {
                now++;
            }
            size = leases.sizeOfNextLease(KEY, 1000, now);
        }
        // capped by max-size (50) though the burst would allow 100
        assertThat(size).isEqualTo(50);
    }

    @Test
    void leaseNeverExceedsATenthOfTheBurst() {
        leases.grant(KEY, 1, 0);
        for (int i = 0; i < 10; i++) {
            leases.sizeOfNextLease(KEY, 40, 1);
        }
        assertThat(leases.sizeOfNextLease(KEY, 40, 1)).isEqualTo(4);
        assertThat(leases.sizeOfNextLease(KEY, 9, 1)).isEqualTo(1);
    }

    @Test
    void lapsedLeaseHandsOutNothingAndShrinksTheNextOne() {
        leases.grant(KEY, 1, 0);
        leases.sizeOfNextLease(KEY, 1000, 1); // 2
        leases.sizeOfNextLease(KEY, 1000, 1); // 4
        leases.grant(KEY, 4, 1);

        assertThat(leases.tryTake(KEY, 1 + SECOND)).isFalse();
        assertThat(leases.sizeOfNextLease(KEY, 1000, 1 + SECOND)).isEqualTo(2);
        // the lapsed lease's three tokens do not come back with the next grant
        leases.grant(KEY, 1, 2 + SECOND);
        assertThat(leases.tryTake(KEY, 3 + SECOND)).isFalse();
    }

    @Test
    void givenBackTokenIsHandedOutAgain() {
        leases.grant(KEY, 2, 0);
        assertThat(leases.tryTake(KEY, 1)).isTrue();
        leases.giveBack(KEY);
        assertThat(leases.tryTake(KEY, 2)).isTrue();
        assertThat(leases.tryTake(KEY, 3)).isFalse();
    }
}
