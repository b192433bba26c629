package com.propcloud.pms.common.messaging.inbox;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Declares that the service consumes some events. Register one as a bean and common-lib declares its
 * queues (a quorum work queue {@code <name>} bound to the events exchange with {@code bindings}, retry
 * queues and a {@code <name>.dlq}), consumes with manual acks, deduplicates on {@code eventId} through
 * the inbox table and retries failures with backoff before parking them in the DLQ.
 *
 * <pre>{@code
 * @Bean
 * EventConsumer ticketProjection(TicketProjection projection) {
 *     return EventConsumer.named("reporting.ticket-projection")
 *             .bindings("workorder.ticket.*")
 *             .handler(event -> projection.apply(event.type(), event.payloadAs(TicketV1.class)));
 * }
 * }</pre>
 *
 * @param name unique per service and stable: it names the queues and keys the inbox
 * @param bindings routing-key patterns ({@code *} one word, {@code #} any number of words)
 */
public record EventConsumer(String name, List<String> bindings, EventHandler handler) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]*(\\.[a-z0-9][a-z0-9_-]*)*");
    private static final Pattern BINDING = Pattern.compile("([a-z0-9_-]+|\\*|#)(\\.([a-z0-9_-]+|\\*|#))*");

    public EventConsumer {
        if (name == null || !NAME.matcher(name).matches() || name.length() > 150) {
            throw new IllegalArgumentException("Consumer name must be lower-case words separated by dots, e.g."
                    + " reporting.work-order-projection; was: " + name);
        }
        bindings = List.copyOf(bindings);
        if (bindings.isEmpty()) {
            throw new IllegalArgumentException("Consumer " + name + " binds no routing key");
        }
        for (String binding : bindings) {
            if (!BINDING.matcher(binding).matches()) {
                throw new IllegalArgumentException("Not a lower-case routing-key pattern: " + binding);
            }
        }
        Objects.requireNonNull(handler, "handler");
    }

    public static Builder named(String name) {
        return new Builder(name);
    }

    /** Reads as a sentence: {@code named(..).bindings(..).handler(..)}. */
    public static final class Builder {

        private final String name;
        private List<String> bindings = List.of();

        private Builder(String name) {
            this.name = name;
        }

        public Builder bindings(String... routingKeyPatterns) {
            this.bindings = List.of(routingKeyPatterns);
            return this;
        }

        public EventConsumer handler(EventHandler handler) {
            return new EventConsumer(name, bindings, handler);
        }
    }
}
