package com.propcloud.pms.common.messaging;

import com.propcloud.pms.common.messaging.envelope.EventEnvelope;
import com.propcloud.pms.test.Endpoint;
import com.propcloud.pms.test.TestInfrastructure;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.MessageProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;

/**
 * The test's own view of this run's broker, over a connection of its own (never through a proxy the
 * test cuts): listens on the events exchange like a consumer would, and publishes raw messages.
 */
public final class TestBroker implements AutoCloseable {

    private final Connection connection;
    private final Channel channel;
    private final String exchange;

    private TestBroker() {
        try {
            Endpoint rabbit = TestInfrastructure.get().rabbit();
            this.connection = clientFactory(rabbit.host(), rabbit.port()).newConnection("messaging-test");
            this.channel = connection.createChannel();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TimeoutException e) {
            throw new IllegalStateException(e);
        }
        this.exchange = TestInfrastructure.get().eventsExchange();
    }

    public static TestBroker connect() {
        return new TestBroker();
    }

    /** A confirm-capable Spring connection factory for this run's virtual host, on {@code port}. */
    public static CachingConnectionFactory springFactory(String host, int port) {
        return new CachingConnectionFactory(clientFactory(host, port));
    }

    private static ConnectionFactory clientFactory(String host, int port) {
        ConnectionFactory factory = TestInfrastructure.get().rabbitConnectionFactory(host, port);
        factory.setAutomaticRecoveryEnabled(false);
        return factory;
    }

    /** Starts collecting every event published with a routing key matching {@code bindingKey}. */
    public Received listen(String bindingKey) throws IOException {
        // no exchange declaration here: binding fails unless the service declared it at start
        String queue = channel.queueDeclare().getQueue(); // server-named, exclusive, auto-delete
        channel.queueBind(queue, exchange, bindingKey);
        Received received = new Received();
        channel.basicConsume(queue, true, (tag, delivery) -> received.add(delivery), tag -> {});
        return received;
    }

    /** Publishes raw bytes to the events exchange, as a producer (or a redelivering broker) would. */
    public void publish(String routingKey, String messageId, byte[] body) throws IOException {
        AMQP.BasicProperties properties = MessageProperties.PERSISTENT_BASIC
                .builder()
                .contentType("application/json")
                .messageId(messageId)
                .build();
        channel.basicPublish(exchange, routingKey, properties, body);
    }

    /** Whether a queue exists in this run's virtual host (asked on a channel of its own, which a miss closes). */
    public boolean queueExists(String name) throws IOException, TimeoutException {
        Channel probe = connection.createChannel();
        try {
            probe.queueDeclarePassive(name);
            probe.close();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        connection.close();
    }

    /** What arrived on one test queue, in arrival order. */
    public static final class Received {

        private final List<String> messageIds = new CopyOnWriteArrayList<>();
        private final List<EventEnvelope> envelopes = new CopyOnWriteArrayList<>();

        private void add(com.rabbitmq.client.Delivery delivery) {
            messageIds.add(String.valueOf(delivery.getProperties().getMessageId()));
            envelopes.add(EventEnvelope.fromJson(delivery.getBody()));
        }

        public List<String> messageIds() {
            return List.copyOf(messageIds);
        }

        public List<EventEnvelope> envelopes() {
            return List.copyOf(envelopes);
        }

        /** How often each message id arrived. */
        public Map<String, Long> counts() {
            return messageIds.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        }
    }
}
