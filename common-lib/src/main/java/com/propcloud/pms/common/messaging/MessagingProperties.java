package com.propcloud.pms.common.messaging;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Events on RabbitMQ: where they go, how the outbox relay publishes them and how consumers retry.
 *
 * @param exchange the topic exchange every service publishes to and binds its queues on
 * @param queuePrefix prepended to every queue name, so that runs sharing one virtual host stay apart
 */
@Validated
@ConfigurationProperties("pms.messaging")
public record MessagingProperties(
        @DefaultValue("pms.events") @NotBlank String exchange,
        @DefaultValue("") String queuePrefix,
        @Valid @DefaultValue Relay relay,
        @Valid @DefaultValue Consumer consumer) {

    /**
     * The outbox relay.
     *
     * @param enabled off in a service instance that should only write events (another instance relays)
     * @param pollInterval how often to look for unsent events when no commit has nudged the relay
     * @param batchSize events claimed (and locked) per round trip
     * @param backoffMin delay before retrying an event after its first failed publish; doubles per attempt
     * @param backoffMax the longest delay between two publish attempts of one event
     * @param confirmTimeout how long to wait for the broker's confirm before counting a publish as failed
     * @param retention how long sent events stay in the outbox table (for inspection) before they are deleted
     */
    public record Relay(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("1s") @NotNull Duration pollInterval,
            @DefaultValue("100") @Min(1) @Max(1000) int batchSize,
            @DefaultValue("1s") @NotNull Duration backoffMin,
            @DefaultValue("1m") @NotNull Duration backoffMax,
            @DefaultValue("10s") @NotNull Duration confirmTimeout,
            @DefaultValue("7d") @NotNull Duration retention) {}

    /**
     * Every {@code EventConsumer} of the service.
     *
     * @param enabled off to declare the queues without consuming (e.g. a maintenance instance)
     * @param maxAttempts handling attempts per event before it is parked in the consumer's DLQ
     * @param backoff wait before each retry; the last value repeats when there are more retries than values
     * @param prefetch unacknowledged deliveries per consumer thread (at least {@code batchSize} are taken)
     * @param concurrency consumer threads per consumer
     * @param batchSize most deliveries applied in one transaction
     * @param batchWait longest wait for a batch to fill before what has arrived is applied
     */
    public record Consumer(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("5") @Min(1) @Max(100) int maxAttempts,
            @DefaultValue({"1s", "5s", "30s"}) @NotEmpty List<Duration> backoff,
            @DefaultValue("100") @Min(1) int prefetch,
            @DefaultValue("1") @Min(1) int concurrency,
            @DefaultValue("50") @Min(1) @Max(500) int batchSize,
            @DefaultValue("50ms") @NotNull Duration batchWait) {

        public Consumer {
            backoff = List.copyOf(backoff);
        }

        /** The wait before the retry that follows failed attempt {@code failures} (1-based). */
        public Duration backoffAfter(int failures) {
            return backoff.get(Math.min(Math.max(failures, 1), backoff.size()) - 1);
        }
    }
}
