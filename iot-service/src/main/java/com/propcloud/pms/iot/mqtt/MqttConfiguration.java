package com.propcloud.pms.iot.mqtt;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({MqttProperties.class, MqttSessionProperties.class})
class MqttConfiguration {}
