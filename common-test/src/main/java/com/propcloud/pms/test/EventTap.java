package com.propcloud.pms.test;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A test's own view of the run's events exchange: a private queue bound to some routing keys that
 * collects what producers really publish, and a way to publish an envelope as a producer would. Also
 * the check every event contract test makes against its golden file.
 */
public final class EventTap implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final Connection connection;
    private final Channel channel;
    private final String queue;
    private final List<JsonNode> received = new ArrayList<>();

    private EventTap(Connection connection, Channel channel, String queue) {
        this.connection = connection;
        this.channel = channel;
        this.queue = queue;
    }

    /** Starts collecting events whose routing key matches one of the patterns, from now on. */
    public static EventTap bind(String... routingKeyPatterns) {
        TestInfrastructure infra = TestInfrastructure.get();
        ConnectionFactory factory = infra.rabbitConnectionFactory(
                infra.rabbit().host(), infra.rabbit().port());
        try {
            Connection connection = factory.newConnection("test-event-tap");
            Channel channel = connection.createChannel();
            channel.exchangeDeclare(infra.eventsExchange(), "topic", true);
            String queue = channel.queueDeclare().getQueue();
            for (String pattern : routingKeyPatterns) {
                channel.queueBind(queue, infra.eventsExchange(), pattern);
            }
            return new EventTap(connection, channel, queue);
        } catch (IOException | TimeoutException e) {
            throw new IllegalStateException("Cannot listen on the events exchange", e);
        }
    }

    /** Waits for the first collected envelope that matches; earlier matches are returned again. */
    public JsonNode await(Predicate<JsonNode> matching) {
        List<JsonNode> found = new ArrayList<>();
        org.awaitility.Awaitility.await()
                .atMost(WAIT)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    drain();
                    received.stream().filter(matching).findFirst().ifPresent(found::add);
                    return !found.isEmpty();
                });
        return found.get(0);
    }

    /** Matches envelopes of a type about one aggregate. */
    public static Predicate<JsonNode> event(String type, Object aggregateId) {
        return envelope -> envelope.path("type").asString().equals(type)
                && envelope.path("aggregateId").asString().equals(aggregateId.toString());
    }

    /** Publishes an envelope to the run's exchange under its own type, persistent, as the outbox does. */
    public void publish(JsonNode envelope) {
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
                .contentType("application/json")
                .messageId(envelope.path("eventId").asString())
                .deliveryMode(2)
                .build();
        try {
            channel.basicPublish(
                    TestInfrastructure.get().eventsExchange(),
                    envelope.path("type").asString(),
                    properties,
                    JSON.writeValueAsBytes(envelope));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A golden event file from the test's resources ({@code /events/<name>}). */
    public static JsonNode golden(String name) {
        try (InputStream in = EventTap.class.getResourceAsStream("/events/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No golden file /events/" + name);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The envelope and its payload carry exactly the golden file's field names. */
    public static void assertSameShape(JsonNode envelope, JsonNode golden) {
        assertThat(envelope.propertyNames()).containsExactlyInAnyOrderElementsOf(golden.propertyNames());
        assertThat(envelope.path("payload").propertyNames())
                .containsExactlyInAnyOrderElementsOf(golden.path("payload").propertyNames());
        assertThat(envelope.path("schemaVersion").asInt())
                .isEqualTo(golden.path("schemaVersion").asInt());
    }

    private void drain() throws IOException {
        GetResponse message;
        while ((message = channel.basicGet(queue, true)) != null) {
            received.add(JSON.readTree(message.getBody()));
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
