package com.propcloud.pms.common.messaging.inbox;

import com.propcloud.pms.common.messaging.MessagingProperties;
import com.propcloud.pms.common.messaging.broker.ConfirmingPublisher;
import com.propcloud.pms.common.messaging.envelope.EventEnvelope;
import com.propcloud.pms.common.tenant.TenantContext;
import com.rabbitmq.client.Channel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareMessageListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Handles one consumer's deliveries exactly once in effect: the inbox row and the handler's writes
 * commit together, and only then is the delivery acknowledged, so a redelivery finds the row and is
 * skipped. A failure is never requeued in place (that would block the queue behind it): a copy goes to
 * the retry queue for its attempt, or to the DLQ after the last attempt, and the original is
 * acknowledged once the broker has confirmed the copy.
 */
final class InboxListener implements ChannelAwareMessageListener {

    private static final Logger log = LoggerFactory.getLogger(InboxListener.class);
    private static final String RECORD = """
            insert into inbox_event (consumer, event_id, received_at) values (?, ?, now())
            on conflict do nothing""";
    private static final Duration PAUSE_AFTER_BROKER_FAILURE = Duration.ofSeconds(1);

    private final EventConsumer consumer;
    private final ConsumerQueues queues;
    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ConfirmingPublisher publisher;
    private final MessagingProperties.Consumer settings;
    private final Duration confirmTimeout;
    private final Counter handled;
    private final Counter duplicates;
    private final Counter retried;
    private final Counter deadLettered;

    InboxListener(
            EventConsumer consumer,
            ConsumerQueues queues,
            DataSource dataSource,
            PlatformTransactionManager transactionManager,
            ConfirmingPublisher publisher,
            MessagingProperties properties,
            MeterRegistry meters) {
        this.consumer = consumer;
        this.queues = queues;
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.transactions = new TransactionTemplate(transactionManager);
        this.publisher = publisher;
        this.settings = properties.consumer();
        this.confirmTimeout = properties.relay().confirmTimeout();
        this.handled = counter(meters, "handled");
        this.duplicates = counter(meters, "duplicate");
        this.retried = counter(meters, "retried");
        this.deadLettered = counter(meters, "dead_lettered");
    }

    private Counter counter(MeterRegistry meters, String outcome) {
        return Counter.builder("pms.inbox.events")
                .description("Events a consumer received, by outcome")
                .tag("consumer", consumer.name())
                .tag("outcome", outcome)
                .register(meters);
    }

    @Override
    public void onMessage(Message message, Channel channel) throws IOException {
        long tag = message.getMessageProperties().getDeliveryTag();
        EventEnvelope event;
        try {
            event = EventEnvelope.fromJson(message.getBody());
        } catch (IllegalArgumentException e) {
            // retrying cannot make it parse: park it at once, with the reason, for an operator
            log.error(
                    "Consumer {} parks unparseable message {}: {}",
                    consumer.name(),
                    message.getMessageProperties().getMessageId(),
                    e.getMessage());
            park(message, channel, tag, Redelivery.attempts(message), "Unparseable event envelope: " + e.getMessage());
            return;
        }
        try {
            Boolean fresh = TenantContext.callAs(event.tenantId(), () -> transactions.execute(status -> apply(event)));
            channel.basicAck(tag, false);
            (Boolean.TRUE.equals(fresh) ? handled : duplicates).increment();
        } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
            // errors included: a delivery left unacked under manual acks would stall the consumer for good
            Throwable cause = e instanceof HandlerFailure ? e.getCause() : e;
            retryOrPark(message, channel, tag, event, cause);
        }
    }

    /** In the consumer's transaction: claim the event id, then apply the effect; false for a duplicate. */
    private boolean apply(EventEnvelope event) {
        if (!TransactionSynchronizationManager.hasResource(dataSource)) {
            throw new IllegalStateException("The transaction manager does not bind the service's DataSource,"
                    + " so the inbox row would not commit atomically with the handler's effect");
        }
        if (jdbc.update(RECORD, consumer.name(), event.eventId()) == 0) {
            return false;
        }
        try {
            consumer.handler().handle(event);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new HandlerFailure(e);
        }
        return true;
    }

    private void retryOrPark(Message message, Channel channel, long tag, EventEnvelope event, Throwable error)
            throws IOException {
        int failures = Redelivery.attempts(message) + 1;
        String description = Redelivery.describe(error);
        if (failures >= settings.maxAttempts()) {
            log.error(
                    "Consumer {} parks event {} ({}) after {} failed attempts: {}",
                    consumer.name(),
                    event.eventId(),
                    event.type(),
                    failures,
                    description,
                    error);
            park(message, channel, tag, failures, description);
            return;
        }
        Duration delay = settings.backoffAfter(failures);
        log.warn(
                "Consumer {} failed event {} ({}), attempt {} of {}, retrying in {}: {}",
                consumer.name(),
                event.eventId(),
                event.type(),
                failures,
                settings.maxAttempts(),
                delay,
                description);
        Message retry = Redelivery.copy(message, headers -> {
            headers.put(Redelivery.ATTEMPTS, failures);
            headers.put(Redelivery.ERROR, description);
            headers.put(Redelivery.ROUTING_KEY, String.valueOf(Redelivery.routingKey(message)));
        });
        if (forward(channel, tag, queues.retryQueue(delay), retry)) {
            retried.increment();
        }
    }

    private void park(Message message, Channel channel, long tag, int failures, String error) throws IOException {
        Message parked = Redelivery.copy(message, headers -> {
            headers.put(Redelivery.ATTEMPTS, failures);
            headers.put(Redelivery.ERROR, error);
            headers.put(Redelivery.ROUTING_KEY, String.valueOf(Redelivery.routingKey(message)));
            headers.put(Redelivery.CONSUMER, consumer.name());
            headers.put(Redelivery.DEAD_LETTERED_AT, Instant.now().toString());
        });
        if (forward(channel, tag, queues.deadLetter(), parked)) {
            deadLettered.increment();
        }
    }

    /** Publishes the copy straight to {@code queue}, then acks the original; keeps the original if that fails. */
    private boolean forward(Channel channel, long tag, String queue, Message copy) throws IOException {
        try {
            publisher.publish("", queue, copy, confirmTimeout);
        } catch (RuntimeException e) {
            log.warn(
                    "Consumer {} could not move a message to {}, keeping it for redelivery: {}",
                    consumer.name(),
                    queue,
                    e.toString());
            pause();
            channel.basicNack(tag, false, true);
            return false;
        }
        channel.basicAck(tag, false);
        return true;
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE_AFTER_BROKER_FAILURE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Carries a handler's checked exception out of the transaction callback, which then rolls back. */
    private static final class HandlerFailure extends RuntimeException {

        HandlerFailure(Exception cause) {
            super(cause);
        }
    }
}
