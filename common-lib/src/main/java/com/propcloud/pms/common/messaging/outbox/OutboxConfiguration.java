package com.propcloud.pms.common.messaging.outbox;

import com.propcloud.pms.common.messaging.MessagingProperties;
import com.propcloud.pms.common.messaging.broker.ConfirmingPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** The outbox and its relay; imported by {@code MessagingAutoConfiguration}. */
@Configuration(proxyBeanMethods = false)
public class OutboxConfiguration {

    @Bean
    Outbox pmsOutbox(
            DataSource dataSource,
            ObjectProvider<JsonMapper> mapper,
            ObjectProvider<Clock> clock,
            ObjectProvider<OutboxRelay> relay) {
        return new Outbox(
                dataSource,
                mapper.getIfAvailable(() -> JsonMapper.builder().build()),
                clock.getIfAvailable(Clock::systemUTC),
                () -> relay.ifAvailable(OutboxRelay::wakeUp));
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "pms.messaging.relay.enabled", matchIfMissing = true)
    OutboxRelay pmsOutboxRelay(
            DataSource dataSource,
            ConfirmingPublisher publisher,
            MessagingProperties properties,
            ObjectProvider<MeterRegistry> meters) {
        return new OutboxRelay(dataSource, publisher, properties, meters.getIfAvailable(SimpleMeterRegistry::new));
    }
}
