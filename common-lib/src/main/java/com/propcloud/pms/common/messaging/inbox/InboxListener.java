package com.propcloud.pms.common.messaging.inbox;

import com.propcloud.pms.common.messaging.MessagingProperties;
import com.propcloud.pms.common.messaging.broker.ConfirmingPublisher;
import com.propcloud.pms.common.messaging.envelope.EventEnvelope;
import com.propcloud.pms.common.tenant.TenantContext;
import com.rabbitmq.client.Channel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareBatchMessageListener;
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
 *
 * <p>Deliveries come in batches (as many as arrived within {@code pms.messaging.consumer.batch-wait}, up
 * to {@code batch-size}), and a batch's events of one tenant are applied in one transaction: a burst of
 * events (an import announcing 60,000 people) then costs a commit per batch instead of one per event,
 * which is what kept a consumer far behind its producer. An event that fails takes only itself to the
 * retry queue: the events before it are applied again together, those after it go on as a batch of
 * their own, so the handler sees a failing event once per attempt, as when they came one by one.
 */
final class InboxListener implements ChannelAwareBatchMessageListener {

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

    /** A delivery whose envelope parsed. */
    private record Delivery(Message message, long tag, EventEnvelope event) {}

    @Override
    public void onMessage(Message message, Channel channel) throws IOException {
        Delivery delivery = parse(message, channel);
        if (delivery != null) {
            handleAlone(delivery, channel);
        }
    }

    @Override
    public void onMessageBatch(List<Message> messages, Channel channel) {
        try {
            List<Delivery> deliveries = new ArrayList<>(messages.size());
            for (Message message : messages) {
                Delivery delivery = parse(message, channel);
                if (delivery != null) {
                    deliveries.add(delivery);
                }
            }
            // a transaction works under one tenant's row-level security: runs of one tenant go together
            int start = 0;
            while (start < deliveries.size()) {
                UUID tenant = deliveries.get(start).event().tenantId();
                int end = start + 1;
                while (end < deliveries.size()
                        && Objects.equals(deliveries.get(end).event().tenantId(), tenant)) {
                    end++;
                }
                handleTogether(deliveries.subList(start, end), channel);
                start = end;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The envelope, or null when it does not parse (the message is then parked). */
    private @Nullable Delivery parse(Message message, Channel channel) throws IOException {
        long tag = message.getMessageProperties().getDeliveryTag();
        try {
            return new Delivery(message, tag, EventEnvelope.fromJson(message.getBody()));
        } catch (IllegalArgumentException e) {
            // retrying cannot make it parse: park it at once, with the reason, for an operator
            log.error(
                    "Consumer {} parks unparseable message {}: {}",
                    consumer.name(),
                    message.getMessageProperties().getMessageId(),
                    e.getMessage());
            park(message, channel, tag, Redelivery.attempts(message), "Unparseable event envelope: " + e.getMessage());
            return null;
        }
    }

    private void handleAlone(Delivery delivery, Channel channel) throws IOException {
        EventEnvelope event = delivery.event();
        try {
            Boolean fresh = TenantContext.callAs(event.tenantId(), () -> transactions.execute(status -> apply(event)));
            channel.basicAck(delivery.tag(), false);
            (Boolean.TRUE.equals(fresh) ? handled : duplicates).increment();
        } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
            // errors included: a delivery left unacked under manual acks would stall the consumer for good
            retryOrPark(delivery.message(), channel, delivery.tag(), event, unwrap(e));
        }
    }

    /** One tenant's deliveries in one transaction; on a failure, as the class comment says. */
    private void handleTogether(List<Delivery> group, Channel channel) throws IOException {
        if (group.size() <= 1) {
            for (Delivery delivery : group) {
                handleAlone(delivery, channel);
            }
            return;
        }
        int[] applying = {-1};
        List<Boolean> fresh;
        try {
            fresh = TenantContext.callAs(
                    group.get(0).event().tenantId(),
                    () -> transactions.execute(status -> {
                        List<Boolean> outcomes = new ArrayList<>(group.size());
                        for (int i = 0; i < group.size(); i++) {
                            applying[0] = i;
                            outcomes.add(apply(group.get(i).event()));
                        }
                        applying[0] = -1;
                        return outcomes;
                    }));
        } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
            int failed = applying[0];
            if (failed < 0) {
                // not one event's doing (the commit itself failed): each goes alone, to its own outcome
                for (Delivery delivery : group) {
                    handleAlone(delivery, channel);
                }
                return;
            }
            handleTogether(group.subList(0, failed), channel);
            Delivery failing = group.get(failed);
            retryOrPark(failing.message(), channel, failing.tag(), failing.event(), unwrap(e));
            handleTogether(group.subList(failed + 1, group.size()), channel);
            return;
        }
        for (int i = 0; i < group.size(); i++) {
            channel.basicAck(group.get(i).tag(), false);
            (Boolean.TRUE.equals(fresh.get(i)) ? handled : duplicates).increment();
        }
    }

    private static Throwable unwrap(Throwable e) {
        return e instanceof HandlerFailure ? e.getCause() : e;
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
