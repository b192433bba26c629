package com.propcloud.pms.common.messaging.envelope;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The one wire format of every integration event on {@code pms.events}. Consumers depend only on these
 * field names (fixed in docs/architecture.md), never on a producer's classes: the {@code payload} is the
 * producer's flat, versioned record as JSON, and each consumer maps it onto its own copy.
 *
 * <p>Unknown envelope fields are ignored on reading so that the envelope can grow without breaking
 * consumers that were deployed earlier.
 *
 * @param type the routing key, {@code <service>.<aggregate>.<event>} in lower case
 * @param projectId the project the event belongs to, where it belongs to one
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"eventId", "type", "schemaVersion", "tenantId", "projectId", "aggregateId", "occurredAt", "payload"
})
public record EventEnvelope(
        UUID eventId,
        String type,
        int schemaVersion,
        UUID tenantId,
        @Nullable UUID projectId,
        UUID aggregateId,
        Instant occurredAt,
        JsonNode payload) {

    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_-]*\\.[a-z][a-z0-9_-]*\\.[a-z][a-z0-9_-]*");

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        requireType(type);
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schemaVersion must be at least 1, was " + schemaVersion);
        }
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        // a payload is a flat record; anything else is a producer bug the consumer could only guess at
        if (payload == null || !payload.isObject()) {
            throw new IllegalArgumentException("payload must be a JSON object");
        }
    }

    /**
     * Checks that {@code type} can be a routing key: three lower-case dot-separated words, so that
     * consumers' binding patterns such as {@code workorder.ticket.*} mean what they say.
     *
     * @return {@code type}
     */
    public static String requireType(String type) {
        if (type == null || !TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException(
                    "Event type must be <service>.<aggregate>.<event> in lower case, was: " + type);
        }
        return type;
    }

    /** Reads an envelope from its wire JSON, or throws {@link IllegalArgumentException} saying what is wrong. */
    public static EventEnvelope fromJson(byte[] json) {
        return EnvelopeJson.read(json);
    }

    /** The wire JSON, UTF-8, with the field names fixed in docs/architecture.md. */
    public byte[] toJson() {
        return EnvelopeJson.write(this);
    }

    /**
     * Maps the payload onto the consumer's own copy of the record. Fields the copy does not declare are
     * ignored, so producers may add fields within a schema version without breaking anyone.
     */
    public <T> T payloadAs(Class<T> payloadType) {
        return EnvelopeJson.payload(payload, payloadType);
    }
}
