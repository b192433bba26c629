package com.propcloud.pms.common.messaging.broker;

import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.connection.RabbitConnectionFactoryBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.amqp.autoconfigure.CachingConnectionFactoryConfigurer;
import org.springframework.boot.amqp.autoconfigure.RabbitConnectionFactoryBeanConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The event publisher's own connection; imported by {@code MessagingAutoConfiguration}. */
@Configuration(proxyBeanMethods = false)
public class BrokerConfiguration {

    static final String CONNECTION_NAME = "pms-event-publisher";

    @Bean
    ConfirmingPublisher pmsEventPublisher(
            ObjectProvider<RabbitConnectionFactoryBeanConfigurer> rabbitConfigurer,
            ObjectProvider<CachingConnectionFactoryConfigurer> cachingConfigurer,
            ConnectionFactory applicationConnectionFactory)
            throws Exception {
        CachingConnectionFactory factory = publisherConnectionFactory(
                rabbitConfigurer.getIfAvailable(), cachingConfigurer.getIfAvailable(), applicationConnectionFactory);
        factory.setConnectionNameStrategy(f -> CONNECTION_NAME);
        return new ConfirmingPublisher(factory);
    }

    private static CachingConnectionFactory publisherConnectionFactory(
            RabbitConnectionFactoryBeanConfigurer rabbitConfigurer,
            CachingConnectionFactoryConfigurer cachingConfigurer,
            ConnectionFactory applicationConnectionFactory)
            throws Exception {
        if (rabbitConfigurer != null && cachingConfigurer != null) {
            // the same settings Boot gives the application's factory (addresses, vhost, TLS, credentials)
            RabbitConnectionFactoryBean bean = new RabbitConnectionFactoryBean();
            rabbitConfigurer.configure(bean);
            bean.afterPropertiesSet();
            CachingConnectionFactory factory = new CachingConnectionFactory(bean.getObject());
            cachingConfigurer.configure(factory);
            return factory;
        }
        if (applicationConnectionFactory instanceof CachingConnectionFactory caching) {
            // the application built its own factory: share its client settings, not its connection
            return new CachingConnectionFactory(caching.getRabbitConnectionFactory());
        }
        throw new IllegalStateException("Cannot derive the event publisher's RabbitMQ connection from a "
                + applicationConnectionFactory.getClass().getName()
                + "; define a CachingConnectionFactory or use Boot's spring.rabbitmq.* properties");
    }
}
