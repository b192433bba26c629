package com.propcloud.pms.common.messaging.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.propcloud.pms.common.messaging.MessagingProperties;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OutboxRelayBackoffTests {

    private final MessagingProperties.Relay settings = new MessagingProperties.Relay(
            true,
            Duration.ofSeconds(1),
            100,
            Duration.ofSeconds(1),
            Duration.ofMinutes(1),
            Duration.ofSeconds(10),
            Duration.ofDays(7));

    @Test
    void doublesTheWaitWithEveryFailedAttempt() {
        assertThat(OutboxRelay.backoff(settings, 1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(OutboxRelay.backoff(settings, 2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(OutboxRelay.backoff(settings, 4)).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void neverWaitsLongerThanTheMaximum() {
        assertThat(OutboxRelay.backoff(settings, 7)).isEqualTo(Duration.ofMinutes(1));
        assertThat(OutboxRelay.backoff(settings, 10_000)).isEqualTo(Duration.ofMinutes(1));
    }
}
