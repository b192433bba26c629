package com.propcloud.pms.common.messaging.topology;

import com.propcloud.pms.common.messaging.MessagingProperties;
import com.propcloud.pms.common.messaging.broker.ConfirmingPublisher;
import java.util.ArrayList;
import java.util.List;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The events exchange and its eager declaration; imported by {@code MessagingAutoConfiguration}. */
@Configuration(proxyBeanMethods = false)
public class TopologyConfiguration {

    @Bean
    Declarables pmsEventsExchange(MessagingProperties properties) {
        return new Declarables(new TopicExchange(properties.exchange(), true, false));
    }

    @Bean
    TopologyDeclarer pmsTopologyDeclarer(
            ApplicationContext context,
            ConfirmingPublisher publisher,
            ConnectionFactory applicationConnectionFactory,
            ObjectProvider<AmqpAdmin> applicationAdmin) {
        List<ConnectionFactory> factories = new ArrayList<>();
        factories.add(publisher.connectionFactory());
        if (applicationAdmin.stream().findAny().isEmpty()) {
            // Boot's admin (spring.rabbitmq.dynamic) normally redeclares on the consumers' connection
            factories.add(applicationConnectionFactory);
        }
        return new TopologyDeclarer(context, factories);
    }
}
