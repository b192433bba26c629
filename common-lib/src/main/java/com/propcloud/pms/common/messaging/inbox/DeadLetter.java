package com.propcloud.pms.common.messaging.inbox;

import org.jspecify.annotations.Nullable;

/**
 * A message parked in a consumer's DLQ, as an operator sees it.
 *
 * @param messageId the event id, where the producer set it
 * @param routingKey the key the event was published with
 * @param error the last failure, {@code Type: message}
 * @param attempts handling attempts that failed
 * @param body the message body as text (the envelope, or whatever could not be parsed)
 */
public record DeadLetter(
        @Nullable String messageId,
        @Nullable String routingKey,
        @Nullable String error,
        int attempts,
        @Nullable String deadLetteredAt,
        String body) {}
