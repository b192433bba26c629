package com.propcloud.pms.common.messaging.broker;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.DisposableBean;

/**
 * Publishes over a RabbitMQ connection of its own with correlated publisher confirms, so that the
 * outbox relay and the consumers' retry path only forget a message once the broker has taken
 * responsibility for it. The connection is separate from the application's so that broker flow control
 * on publishers never stalls consumers, and so that confirms do not depend on the application setting
 * {@code spring.rabbitmq.publisher-confirm-type}.
 */
public final class ConfirmingPublisher implements DisposableBean {

    private final CachingConnectionFactory connectionFactory;
    private final RabbitTemplate template;

    /** Takes ownership of {@code connectionFactory}: switches it to correlated confirms and destroys it on close. */
    public ConfirmingPublisher(CachingConnectionFactory connectionFactory) {
        connectionFactory.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.CORRELATED);
        this.connectionFactory = connectionFactory;
        this.template = new RabbitTemplate(connectionFactory);
        // unroutable events are confirmed and dropped: no consumer has bound to that type yet
        this.template.setMandatory(false);
    }

    /**
     * Sends {@code message}; the future completes when the broker confirms it and fails with {@link
     * PublishNotConfirmedException} on a nack or a lost channel.
     *
     * @throws AmqpException at once when the broker cannot be reached
     */
    public CompletableFuture<Void> send(String exchange, String routingKey, Message message) {
        String id = message.getMessageProperties().getMessageId();
        CorrelationData correlation =
                new CorrelationData(id != null ? id : UUID.randomUUID().toString());
        template.send(exchange, routingKey, message, correlation);
        return correlation.getFuture().thenApply(confirm -> {
            if (!confirm.ack()) {
                throw new PublishNotConfirmedException("Broker did not confirm " + correlation.getId() + ": "
                        + (confirm.reason() == null ? "nack" : confirm.reason()));
            }
            return null;
        });
    }

    /**
     * Sends {@code message} and waits for the broker's confirm.
     *
     * @throws AmqpException when the broker cannot be reached, nacks, or does not confirm within {@code timeout}
     */
    public void publish(String exchange, String routingKey, Message message, Duration timeout) {
        await(send(exchange, routingKey, message), timeout);
    }

    /** Waits for a confirm from {@link #send}, turning every way it can fail into an {@link AmqpException}. */
    public static void await(CompletableFuture<Void> confirm, Duration timeout) {
        try {
            confirm.get(Math.max(timeout.toMillis(), 0), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            confirm.cancel(false);
            throw new PublishNotConfirmedException("No publisher confirm within " + timeout);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AmqpException amqp) {
                throw amqp;
            }
            throw new PublishNotConfirmedException("Publish failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishNotConfirmedException("Interrupted while waiting for a publisher confirm");
        }
    }

    /** The confirm-enabled connection factory, for declaring topology on the connections it opens. */
    public CachingConnectionFactory connectionFactory() {
        return connectionFactory;
    }

    @Override
    public void destroy() {
        connectionFactory.destroy();
    }

    /** The broker did not take responsibility for a message: nacked, channel lost, or no confirm in time. */
    public static final class PublishNotConfirmedException extends AmqpException {

        PublishNotConfirmedException(String message) {
            super(message);
        }

        PublishNotConfirmedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
