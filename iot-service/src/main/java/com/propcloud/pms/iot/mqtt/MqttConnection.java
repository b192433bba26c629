package com.propcloud.pms.iot.mqtt;

import com.hivemq.client.mqtt.MqttClientState;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * iot-service's one session with the broker (MQTT 5). It reconnects by itself after an outage, so a
 * broker restart costs readings only while the broker is down; readiness reports the live state.
 */
@Component
public class MqttConnection implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MqttConnection.class);

    /** Starts before and stops after the beans that use the connection (ingest acknowledges on it until the end). */
    public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 1000;

    private final MqttProperties properties;
    private final MqttSessionProperties session;
    private final Mqtt5AsyncClient client;
    private final List<Runnable> connectedListeners = new CopyOnWriteArrayList<>();
    private volatile boolean running;

    MqttConnection(MqttProperties properties, MqttSessionProperties session) {
        this.properties = properties;
        this.session = session;
        if (!session.expiry().isZero() && session.clientId().isBlank()) {
            log.warn("pms.mqtt.session.expiry is set without pms.mqtt.session.client-id: starting clean sessions");
        }
        var builder = Mqtt5Client.builder()
                .identifier(session.clientId().isBlank() ? "iot-service-" + UUID.randomUUID() : session.clientId())
                .serverHost(properties.host())
                .serverPort(properties.port())
                .automaticReconnectWithDefaultConfig()
                .addConnectedListener(context -> {
                    log.info("Connected to MQTT broker {}:{}", properties.host(), properties.port());
                    connectedListeners.forEach(MqttConnection::runQuietly);
                })
                .addDisconnectedListener(context ->
                        log.warn("MQTT connection lost: {}", context.getCause().getMessage()));
        if (!properties.username().isEmpty()) {
            builder.simpleAuth()
                    .username(properties.username())
                    .password(properties.password().getBytes(StandardCharsets.UTF_8))
                    .applySimpleAuth();
        }
        this.client = builder.buildAsync();
    }

    public Mqtt5AsyncClient client() {
        return client;
    }

    public MqttProperties properties() {
        return properties;
    }

    public boolean isConnected() {
        return client.getState() == MqttClientState.CONNECTED;
    }

    /**
     * Runs {@code listener} after every successful connection, first and reconnections alike, and
     * at once if the client is connected already (so it may run twice around a connection that
     * completes while registering: make it idempotent). It runs on the client's thread: keep it short.
     */
    public void onConnected(Runnable listener) {
        connectedListeners.add(listener);
        if (isConnected()) {
            runQuietly(listener);
        }
    }

    private static void runQuietly(Runnable listener) {
        try {
            listener.run();
        } catch (RuntimeException e) {
            log.warn("MQTT connected listener failed", e);
        }
    }

    @Override
    public void start() {
        // a broker that is down at start is retried by the automatic reconnect; readiness shows it
        boolean persistent = session.persistent();
        client.connectWith()
                .cleanStart(!persistent)
                .sessionExpiryInterval(persistent ? session.expiry().toSeconds() : 0)
                .restrictions()
                .receiveMaximum(session.receiveMaximum())
                .applyRestrictions()
                .send()
                .whenComplete((ack, error) -> {
                    if (error != null) {
                        log.warn(
                                "MQTT broker {}:{} not reachable yet: {}",
                                properties.host(),
                                properties.port(),
                                error.getMessage());
                    }
                });
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        if (client.getState().isConnectedOrReconnect()) {
            try {
                client.disconnect().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                log.debug("MQTT disconnect did not complete cleanly", e);
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
