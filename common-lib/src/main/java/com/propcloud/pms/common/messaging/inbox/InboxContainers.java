package com.propcloud.pms.common.messaging.inbox;

import com.propcloud.pms.common.messaging.MessagingProperties;
import java.util.List;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;

/** One listener container per consumer, started and stopped with the application context. */
final class InboxContainers implements SmartLifecycle, DisposableBean {

    private final List<SimpleMessageListenerContainer> containers;
    private final boolean autoStartup;
    private volatile boolean running;

    InboxContainers(
            ConnectionFactory connectionFactory,
            ApplicationContext context,
            List<Listening> listening,
            MessagingProperties.Consumer settings) {
        this.autoStartup = settings.enabled();
        this.containers = listening.stream()
                .map(each -> {
                    SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connectionFactory);
                    container.setQueueNames(each.queue());
                    container.setMessageListener(each.listener());
                    // the listener acks only after its transaction committed or the message moved on
                    container.setAcknowledgeMode(AcknowledgeMode.MANUAL);
                    // deliveries come in batches: as many as arrive within the wait, up to the size
                    container.setConsumerBatchEnabled(true);
                    container.setBatchSize(settings.batchSize());
                    container.setBatchReceiveTimeout(settings.batchWait().toMillis());
                    container.setPrefetchCount(Math.max(settings.prefetch(), settings.batchSize()));
                    container.setConcurrentConsumers(settings.concurrency());
                    // a broker that is down at start must not kill the service: keep trying to consume
                    container.setMissingQueuesFatal(false);
                    container.setApplicationContext(context);
                    container.setBeanName("pmsInbox-" + each.queue());
                    container.afterPropertiesSet();
                    return container;
                })
                .toList();
    }

    record Listening(String queue, InboxListener listener) {}

    @Override
    public void start() {
        containers.forEach(SimpleMessageListenerContainer::start);
        running = true;
    }

    @Override
    public void stop() {
        containers.forEach(SimpleMessageListenerContainer::stop);
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public boolean isAutoStartup() {
        return autoStartup;
    }

    @Override
    public void destroy() {
        containers.forEach(SimpleMessageListenerContainer::destroy);
    }
}
