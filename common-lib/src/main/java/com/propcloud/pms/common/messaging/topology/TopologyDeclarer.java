package com.propcloud.pms.common.messaging.topology;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpConnectException;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationContext;

/**
 * Declares the exchange and every consumer's queues and bindings (all {@code Declarables} of the
 * context) as the service starts, before the relay publishes anything, and again on every new
 * connection of the given factories, so a broker that lost its definitions gets them back on reconnect.
 * Each factory gets an admin of its own: Boot's admin watches only the application's factory, and the
 * event publisher connects through another one.
 */
final class TopologyDeclarer implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(TopologyDeclarer.class);

    private final List<RabbitAdmin> admins = new ArrayList<>();

    TopologyDeclarer(ApplicationContext context, List<ConnectionFactory> connectionFactories) {
        int index = 0;
        for (ConnectionFactory factory : connectionFactories) {
            RabbitAdmin admin = new RabbitAdmin(factory);
            admin.setBeanName("pmsTopologyAdmin" + index++);
            admin.setApplicationContext(context);
            admin.afterPropertiesSet(); // registers the redeclare-on-connect listener
            admins.add(admin);
        }
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (RabbitAdmin admin : admins) {
            try {
                admin.initialize();
            } catch (AmqpConnectException e) {
                // not fatal: the admin declares everything as soon as a connection opens, before any publish
                log.warn("RabbitMQ unreachable at start, topology will be declared on connect: {}", e.getMessage());
                return;
            }
        }
    }
}
