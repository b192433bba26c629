package com.propcloud.pms.iot.telemetry;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.propcloud.pms.iot.mqtt.MqttConnection;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Takes device telemetry from the broker through the shared subscription {@code
 * $share/<group>/<root>/+/+/telemetry} (QoS 1), so the instances of iot-service split the load.
 *
 * <p>Messages are received with manual acknowledgement by one global callback registered before the
 * client first connects (so nothing a resumed session redelivers slips past unacknowledged-by-us),
 * parsed and validated on the client's thread, and handed to the {@link TelemetryBatcher}, which
 * acknowledges each after it is committed. Subscribing happens on the first connection; after a
 * reconnect whose session the broker no longer has (clean sessions never keep one), the client
 * library re-sends the subscription itself, and a subscription that failed is retried on the next
 * connection. Stopping unsubscribes first, so the broker sends the group's messages to the other
 * instances while this one writes what it holds.
 */
@Component
class TelemetryIngest implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TelemetryIngest.class);
    private static final String TELEMETRY_SUFFIX = "/" + TelemetryParser.TELEMETRY;

    private final MqttConnection connection;
    private final TelemetryBatcher batcher;
    private final TelemetryParser parser;
    private final TelemetryMetrics metrics;
    private final Clock clock;
    private final String topicFilter;
    private final String topicPrefix;
    private final AtomicBoolean subscribed = new AtomicBoolean();
    private volatile boolean acknowledgedByBroker;
    private volatile boolean running;

    TelemetryIngest(
            MqttConnection connection,
            TelemetryBatcher batcher,
            TelemetryMetrics metrics,
            TelemetryProperties properties,
            Clock clock) {
        this.connection = connection;
        this.batcher = batcher;
        this.metrics = metrics;
        this.clock = clock;
        String root = connection.properties().topicRoot();
        this.parser = new TelemetryParser(root, properties, clock);
        this.topicPrefix = root + "/";
        this.topicFilter =
                "$share/" + connection.properties().sharedGroup() + "/" + root + "/+/+/" + TelemetryParser.TELEMETRY;
        // before the connection starts: a resumed session may deliver at once
        connection.client().publishes(MqttGlobalPublishFilter.ALL, this::onPublish, true);
    }

    String topicFilter() {
        return topicFilter;
    }

    /** Whether the broker has confirmed the subscription once (the client library renews it after that). */
    boolean isSubscribed() {
        return acknowledgedByBroker;
    }

    @Override
    public void start() {
        running = true;
        connection.onConnected(this::subscribe);
    }

    @Override
    public void stop() {
        running = false;
        acknowledgedByBroker = false;
        if (subscribed.compareAndSet(true, false) && connection.isConnected()) {
            try {
                connection
                        .client()
                        .unsubscribeWith()
                        .topicFilter(topicFilter)
                        .send()
                        .get(3, TimeUnit.SECONDS);
            } catch (Exception e) {
                log.debug("Unsubscribing {} did not complete: {}", topicFilter, e.getMessage());
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts after the buffer's writer, stops before it: what arrives until then is still written. */
    @Override
    public int getPhase() {
        return MqttConnection.PHASE + 20;
    }

    /** Once per process; the client library re-sends it on every connection that has no session. */
    private void subscribe() {
        if (!running || !subscribed.compareAndSet(false, true)) {
            return;
        }
        connection
                .client()
                .subscribeWith()
                .topicFilter(topicFilter)
                .qos(MqttQos.AT_LEAST_ONCE)
                .send()
                .whenComplete((subAck, error) -> {
                    if (error != null) {
                        subscribed.set(false);
                        log.warn(
                                "Subscribing to {} failed, retrying on the next connection: {}",
                                topicFilter,
                                error.getMessage());
                    } else {
                        acknowledgedByBroker = true;
                        log.info("Subscribed to {} ({})", topicFilter, subAck.getReasonCodes());
                    }
                });
    }

    private void onPublish(Mqtt5Publish publish) {
        String topic = publish.getTopic().toString();
        if (!topic.startsWith(topicPrefix) || !topic.endsWith(TELEMETRY_SUFFIX)) {
            // another subscription's message (event, status): its own flow handles it
            publish.acknowledge();
            return;
        }
        metrics.received();
        byte[] payload = publish.getPayloadAsBytes();
        TelemetryParser.Parsed parsed;
        try {
            parsed = parser.parse(topic, payload);
        } catch (RuntimeException e) {
            log.error("Parsing a message on {} failed unexpectedly", topic, e);
            parsed = new TelemetryParser.Parsed(
                    null,
                    new TelemetryParser.Rejection(
                            QuarantineReason.PROCESSING_FAILED, TelemetryParser.clip(String.valueOf(e), 500)));
        }
        ReceivedMessage message = new ReceivedMessage(topic, payload, clock.instant(), parsed, publish::acknowledge);
        if (!batcher.submit(message)) {
            log.debug("Stopping: a message on {} stays with the broker", topic);
        }
    }
}
