package com.propcloud.pms.iot.mqtt;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** {@code mqtt} in the readiness group: without the broker no telemetry arrives. */
@Component("mqtt")
class MqttHealthIndicator implements HealthIndicator {

    private final MqttConnection connection;

    MqttHealthIndicator(MqttConnection connection) {
        this.connection = connection;
    }

    @Override
    public Health health() {
        var properties = connection.properties();
        Health.Builder health = connection.isConnected() ? Health.up() : Health.down();
        return health.withDetail("broker", properties.host() + ":" + properties.port())
                .withDetail("state", connection.client().getState().name())
                .build();
    }
}
