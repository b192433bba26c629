package com.propcloud.pms.common.messaging.inbox;

import com.propcloud.pms.common.messaging.broker.ConfirmingPublisher;
import com.rabbitmq.client.GetResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.support.DefaultMessagePropertiesConverter;
import org.springframework.amqp.rabbit.support.MessagePropertiesConverter;

/**
 * What an operator does with parked messages: look at them, count them, and replay them into the
 * consumer's work queue once the cause is fixed. A replayed message starts over with a full set of
 * attempts; the inbox still skips it if it had been applied after all.
 */
public class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final Map<String, ConsumerQueues> queues;
    private final RabbitTemplate template;
    private final ConfirmingPublisher publisher;
    private final Duration confirmTimeout;
    private final MessagePropertiesConverter converter = new DefaultMessagePropertiesConverter();

    DeadLetters(
            Map<String, ConsumerQueues> queues,
            ConnectionFactory connectionFactory,
            ConfirmingPublisher publisher,
            Duration confirmTimeout) {
        this.queues = Map.copyOf(queues);
        this.template = new RabbitTemplate(connectionFactory);
        this.publisher = publisher;
        this.confirmTimeout = confirmTimeout;
    }

    /** Messages waiting in {@code consumer}'s DLQ. */
    public long count(String consumer) {
        String queue = queuesOf(consumer).deadLetter();
        Long count = template.execute(
                channel -> (long) channel.queueDeclarePassive(queue).getMessageCount());
        return count == null ? 0 : count;
    }

    /** Up to {@code max} parked messages from the head of the DLQ, left in place. */
    public List<DeadLetter> peek(String consumer, int max) {
        String queue = queuesOf(consumer).deadLetter();
        return template.execute(channel -> {
            List<DeadLetter> letters = new ArrayList<>();
            long lastTag = -1;
            for (int i = 0; i < max; i++) {
                GetResponse response = channel.basicGet(queue, false);
                if (response == null) {
                    break;
                }
                lastTag = response.getEnvelope().getDeliveryTag();
                letters.add(describe(toMessage(response)));
            }
            if (lastTag >= 0) {
                channel.basicNack(lastTag, true, true); // put them all back
            }
            return letters;
        });
    }

    /**
     * Moves up to {@code max} messages from {@code consumer}'s DLQ back to its work queue, each removed
     * from the DLQ only after the broker confirmed its copy in the work queue.
     *
     * @return how many were moved
     */
    public int replay(String consumer, int max) {
        ConsumerQueues target = queuesOf(consumer);
        Integer moved = template.execute(channel -> {
            int count = 0;
            while (count < max) {
                GetResponse response = channel.basicGet(target.deadLetter(), false);
                if (response == null) {
                    break;
                }
                long tag = response.getEnvelope().getDeliveryTag();
                Message original = toMessage(response);
                Message replayed = Redelivery.copy(original, headers -> {
                    Object replays = headers.get(Redelivery.REPLAYS);
                    headers.put(Redelivery.REPLAYS, replays instanceof Number n ? n.intValue() + 1 : 1);
                    headers.remove(Redelivery.ATTEMPTS);
                    headers.remove(Redelivery.DEAD_LETTERED_AT);
                });
                try {
                    publisher.publish("", target.work(), replayed, confirmTimeout);
                } catch (RuntimeException e) {
                    channel.basicNack(tag, false, true);
                    throw e;
                }
                channel.basicAck(tag, false);
                count++;
            }
            return count;
        });
        log.info("Replayed {} message(s) from {} to {}", moved, target.deadLetter(), target.work());
        return moved == null ? 0 : moved;
    }

    private ConsumerQueues queuesOf(String consumer) {
        ConsumerQueues found = queues.get(consumer);
        if (found == null) {
            throw new IllegalArgumentException("No consumer named " + consumer + "; known: " + queues.keySet());
        }
        return found;
    }

    private Message toMessage(GetResponse response) {
        MessageProperties properties = converter.toMessageProperties(
                response.getProps(), response.getEnvelope(), StandardCharsets.UTF_8.name());
        return new Message(response.getBody(), properties);
    }

    private static DeadLetter describe(Message message) {
        MessageProperties properties = message.getMessageProperties();
        return new DeadLetter(
                properties.getMessageId(),
                Redelivery.routingKey(message),
                text(properties.getHeaders().get(Redelivery.ERROR)),
                Redelivery.attempts(message),
                text(properties.getHeaders().get(Redelivery.DEAD_LETTERED_AT)),
                new String(message.getBody(), StandardCharsets.UTF_8));
    }

    private static @Nullable String text(@Nullable Object value) {
        return value == null ? null : value.toString();
    }
}
