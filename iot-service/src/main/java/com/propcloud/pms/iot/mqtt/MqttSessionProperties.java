package com.propcloud.pms.iot.mqtt;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The MQTT session iot-service keeps with the broker.
 *
 * <p>By default the session is clean ({@code expiry} 0, a random client id): a broker outage or a
 * dropped connection loses nothing, because what was received is still written from the buffer,
 * but a crashed instance loses what it had received and not yet written (a broker that redispatches
 * a dead member's unacknowledged shared-subscription messages, such as EMQX, hands them to another
 * instance). With a stable {@code client-id} per instance (a StatefulSet pod name) and an {@code
 * expiry}, the broker keeps the unacknowledged messages and the subscription while the instance
 * restarts and redelivers them; readings are keyed by (tenant, device, ts), so a redelivery is
 * stored once. Keep the expiry short: a member that never returns keeps receiving its share until
 * its session expires.
 *
 * @param clientId the client identifier; empty for {@code iot-service-<random uuid>}
 * @param expiry how long the broker keeps the session after a disconnect; 0 starts clean every time
 * @param receiveMaximum unacknowledged QoS 1 messages the broker may have in flight to this client:
 *     the bound of ingest's buffer, and at least a few batches so batching is not starved
 */
@Validated
@ConfigurationProperties("pms.mqtt.session")
public record MqttSessionProperties(
        @DefaultValue("") String clientId,
        @DefaultValue("0s") Duration expiry,
        @DefaultValue("5000") @Min(1) @Max(65535) int receiveMaximum) {

    public boolean persistent() {
        return !expiry.isZero() && !clientId.isBlank();
    }
}
