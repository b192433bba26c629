package com.propcloud.pms.common.messaging.inbox;

import com.propcloud.pms.common.messaging.MessagingProperties;
import com.propcloud.pms.common.messaging.broker.ConfirmingPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** Queues, listeners and DLQ tools for every {@link EventConsumer} bean; imported by {@code MessagingAutoConfiguration}. */
@Configuration(proxyBeanMethods = false)
public class InboxConfiguration {

    @Bean
    ConsumerRegistry pmsConsumerRegistry(MessagingProperties properties, ObjectProvider<EventConsumer> consumers) {
        return ConsumerRegistry.of(properties, consumers.orderedStream().toList());
    }

    @Bean
    Declarables pmsConsumerQueues(MessagingProperties properties, ConsumerRegistry registry) {
        TopicExchange exchange = new TopicExchange(properties.exchange(), true, false);
        List<Declarable> declarables = new ArrayList<>();
        registry.entries()
                .forEach(entry -> declarables.addAll(
                        entry.queues().declarables(exchange, entry.consumer().bindings())));
        return new Declarables(declarables);
    }

    @Bean
    InboxContainers pmsInboxContainers(
            ConsumerRegistry registry,
            ConnectionFactory connectionFactory,
            ApplicationContext context,
            DataSource dataSource,
            PlatformTransactionManager transactionManager,
            ConfirmingPublisher publisher,
            MessagingProperties properties,
            ObjectProvider<MeterRegistry> meters) {
        MeterRegistry meterRegistry = meters.getIfAvailable(SimpleMeterRegistry::new);
        List<InboxContainers.Listening> listening = registry.entries().stream()
                .map(entry -> new InboxContainers.Listening(
                        entry.queues().work(),
                        new InboxListener(
                                entry.consumer(),
                                entry.queues(),
                                dataSource,
                                transactionManager,
                                publisher,
                                properties,
                                meterRegistry)))
                .toList();
        MessagingProperties.Consumer settings = properties.consumer();
        return new InboxContainers(connectionFactory, context, listening, settings);
    }

    @Bean
    DeadLetters pmsDeadLetters(
            ConsumerRegistry registry,
            ConnectionFactory connectionFactory,
            ConfirmingPublisher publisher,
            MessagingProperties properties) {
        Map<String, ConsumerQueues> queues = new LinkedHashMap<>();
        registry.entries().forEach(entry -> queues.put(entry.consumer().name(), entry.queues()));
        return new DeadLetters(
                queues, connectionFactory, publisher, properties.relay().confirmTimeout());
    }

    /** The service's consumers with their queue names, checked for clashes once. */
    record ConsumerRegistry(List<Entry> entries) {

        record Entry(EventConsumer consumer, ConsumerQueues queues) {}

        static ConsumerRegistry of(MessagingProperties properties, List<EventConsumer> consumers) {
            Map<String, Entry> byName = new LinkedHashMap<>();
            for (EventConsumer consumer : consumers) {
                ConsumerQueues queues = ConsumerQueues.of(
                        properties.queuePrefix(),
                        consumer.name(),
                        properties.consumer().backoff());
                if (byName.put(consumer.name(), new Entry(consumer, queues)) != null) {
                    throw new IllegalStateException("Two EventConsumer beans are named " + consumer.name()
                            + ": the name keys the inbox and the queues, so it must be unique");
                }
            }
            return new ConsumerRegistry(List.copyOf(byName.values()));
        }
    }
}
