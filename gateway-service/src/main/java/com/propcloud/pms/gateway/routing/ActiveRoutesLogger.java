package com.propcloud.pms.gateway.routing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Logs the route table once at startup. Routes live in {@code application.yml}, and a key that the
 * gateway silently ignores (Gateway 5 reads only {@code spring.cloud.gateway.server.webflux.routes})
 * would otherwise show up only as 404s.
 */
@Component
class ActiveRoutesLogger {

    private static final Logger log = LoggerFactory.getLogger(ActiveRoutesLogger.class);

    private final RouteLocator routes;

    ActiveRoutesLogger(RouteLocator routes) {
        this.routes = routes;
    }

    @EventListener(ApplicationReadyEvent.class)
    void logRoutes() {
        routes.getRoutes().map(Route::getId).collectList().subscribe(ids -> {
            if (ids.isEmpty()) {
                log.warn("No gateway routes are active: every /api request will answer 404");
            } else {
                log.info("{} gateway routes active: {}", ids.size(), ids);
            }
        });
    }
}
