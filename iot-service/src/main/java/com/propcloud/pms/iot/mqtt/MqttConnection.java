package com.propcloud.pms.iot.mqtt;

import com.hivemq.client.mqtt.MqttClientState;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
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

    private final MqttProperties properties;
    private final Mqtt5AsyncClient client;
    private volatile boolean running;

    MqttConnection(MqttProperties properties) {
        this.properties = properties;
        var builder = Mqtt5Client.builder()
                .identifier("iot-service-" + UUID.randomUUID())
                .serverHost(properties.host())
                .serverPort(properties.port())
                .automaticReconnectWithDefaultConfig()
                .addConnectedListener(
                        context -> log.info("Connected to MQTT broker {}:{}", properties.host(), properties.port()))
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

    @Override
    public void start() {
        // a broker that is down at start is retried by the automatic reconnect; readiness shows it
        client.connectWith().cleanStart(true).send().whenComplete((ack, error) -> {
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
}
