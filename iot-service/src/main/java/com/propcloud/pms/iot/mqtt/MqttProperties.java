package com.propcloud.pms.iot.mqtt;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The MQTT broker devices publish to. The topic root and the shared-subscription group are settings
 * so that a test run and a running platform on one broker never take each other's messages.
 *
 * @param topicRoot first level of every device topic: {@code <root>/{tenantCode}/{deviceId}/telemetry}
 * @param sharedGroup shared-subscription group; every iot-service instance joins it to split the load
 */
@Validated
@ConfigurationProperties("pms.mqtt")
public record MqttProperties(
        @DefaultValue("localhost") @NotBlank String host,
        @DefaultValue("1883") int port,
        @DefaultValue("") String username,
        @DefaultValue("") String password,
        @DefaultValue("pms") @NotBlank String topicRoot,
        @DefaultValue("pms-iot") @NotBlank String sharedGroup) {}
