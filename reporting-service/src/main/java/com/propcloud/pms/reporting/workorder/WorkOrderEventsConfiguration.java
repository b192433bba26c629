package com.propcloud.pms.reporting.workorder;

import com.propcloud.pms.common.messaging.inbox.EventConsumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WorkOrderEventsConfiguration {

    /** Every ticket event, so later projections need no new binding. */
    @Bean
    EventConsumer workOrderEvents(WorkOrderProjection projection) {
        return EventConsumer.named("reporting.work-orders")
                .bindings("workorder.ticket.*")
                .handler(projection::apply);
    }
}
