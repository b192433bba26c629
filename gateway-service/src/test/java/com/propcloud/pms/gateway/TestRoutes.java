package com.propcloud.pms.gateway;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;

/** A route to a port nothing listens on, beside the configured ones: the "service is down" case. */
@TestConfiguration(proxyBeanMethods = false)
class TestRoutes {

    @Bean
    RouteLocator deadServiceRoute(RouteLocatorBuilder routes) {
        return routes.routes()
                .route("test-dead-service", r -> r.path("/api/v1/test-dead/**")
                        .uri(GatewayTestSupport.DEAD_SERVICE_URI))
                .build();
    }
}
