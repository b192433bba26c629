package com.propcloud.pms.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The platform's single HTTP edge: every client call enters here, is authenticated against
 * user-service's keys, scrubbed of forged identity headers and size-checked before it is routed to
 * the service that owns the path. Holds no data of its own.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
