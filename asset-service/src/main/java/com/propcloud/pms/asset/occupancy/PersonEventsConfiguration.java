package com.propcloud.pms.asset.occupancy;

import com.propcloud.pms.common.messaging.inbox.EventConsumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PersonEventsConfiguration {

    /** user-service's owners become the people occupants, vehicles and filings refer to. */
    @Bean
    EventConsumer personEvents(PersonProjection projection) {
        return EventConsumer.named("asset.people").bindings("user.owner.*").handler(projection::apply);
    }
}
