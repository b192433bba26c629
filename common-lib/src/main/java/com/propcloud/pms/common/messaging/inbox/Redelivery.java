package com.propcloud.pms.common.messaging.inbox;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;

/**
 * Copies of a delivered message for its next stop (a retry queue, the DLQ, back to the work queue),
 * and the headers that carry its history between those stops.
 */
final class Redelivery {

    /** Handling attempts that failed so far. */
    static final String ATTEMPTS = "x-pms-attempts";
    /** The last failure, {@code Type: message}. */
    static final String ERROR = "x-pms-error";
    /** The routing key the event was published with (retries and the DLQ reach the queue by its name). */
    static final String ROUTING_KEY = "x-pms-routing-key";
    /** The consumer that parked the message. */
    static final String CONSUMER = "x-pms-consumer";
    /** When the message was parked, ISO-8601. */
    static final String DEAD_LETTERED_AT = "x-pms-dead-lettered-at";
    /** How often an operator replayed it from the DLQ. */
    static final String REPLAYS = "x-pms-replays";

    private static final int MAX_ERROR_LENGTH = 1000;

    private Redelivery() {}

    static Message copy(Message original, Consumer<Map<String, Object>> changeHeaders) {
        MessageProperties from = original.getMessageProperties();
        MessageProperties to = new MessageProperties();
        to.setContentType(from.getContentType());
        to.setContentEncoding(from.getContentEncoding());
        to.setMessageId(from.getMessageId());
        to.setType(from.getType());
        to.setTimestamp(from.getTimestamp());
        to.setAppId(from.getAppId());
        to.setCorrelationId(from.getCorrelationId());
        to.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        Map<String, Object> headers = new HashMap<>(from.getHeaders());
        // the broker's own bookkeeping describes the previous hop, not this publish
        headers.keySet()
                .removeIf(name -> name.startsWith("x-death")
                        || name.startsWith("x-first-death")
                        || name.startsWith("x-last-death")
                        || name.equals("x-delivery-count"));
        changeHeaders.accept(headers);
        headers.forEach(to::setHeader);
        return new Message(original.getBody(), to);
    }

    static int attempts(Message message) {
        Object value = message.getMessageProperties().getHeaders().get(ATTEMPTS);
        return value instanceof Number number ? number.intValue() : 0;
    }

    static @Nullable String routingKey(Message message) {
        Object recorded = message.getMessageProperties().getHeaders().get(ROUTING_KEY);
        return recorded != null
                ? recorded.toString()
                : message.getMessageProperties().getReceivedRoutingKey();
    }

    static String describe(Throwable error) {
        String text = error.getClass().getName() + ": " + error.getMessage();
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
    }
}
