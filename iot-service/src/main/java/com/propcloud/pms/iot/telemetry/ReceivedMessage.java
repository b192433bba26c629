package com.propcloud.pms.iot.telemetry;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One message from the broker waiting in the buffer: what the parser made of it, and how to
 * acknowledge it to the broker once what it became (a reading or a quarantine row) is committed.
 */
final class ReceivedMessage {

    private static final Logger log = LoggerFactory.getLogger(ReceivedMessage.class);

    private final String topic;
    private final byte[] payload;
    private final Instant receivedAt;
    private final TelemetryParser.Parsed parsed;
    private final Runnable acknowledgement;
    private final long enqueuedNanos = System.nanoTime();
    private final AtomicBoolean acknowledged = new AtomicBoolean();

    ReceivedMessage(
            String topic, byte[] payload, Instant receivedAt, TelemetryParser.Parsed parsed, Runnable acknowledgement) {
        this.topic = topic;
        this.payload = payload;
        this.receivedAt = receivedAt;
        this.parsed = parsed;
        this.acknowledgement = acknowledgement;
    }

    String topic() {
        return topic;
    }

    byte[] payload() {
        return payload;
    }

    Instant receivedAt() {
        return receivedAt;
    }

    TelemetryParser.Parsed parsed() {
        return parsed;
    }

    long enqueuedNanos() {
        return enqueuedNanos;
    }

    boolean isAcknowledged() {
        return acknowledged.get();
    }

    /** Tells the broker the message is safe: only after the transaction holding it committed. Once only. */
    void acknowledge() {
        if (acknowledged.compareAndSet(false, true)) {
            try {
                acknowledgement.run();
            } catch (RuntimeException e) {
                // the connection dropped meanwhile: the broker redelivers, and the unique key skips the copy
                log.debug("Could not acknowledge a message on {}: {}", topic, e.getMessage());
            }
        }
    }
}
