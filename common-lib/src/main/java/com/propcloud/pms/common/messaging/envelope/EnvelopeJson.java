package com.propcloud.pms.common.messaging.envelope;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The envelope's own mapper. It deliberately ignores the application's Jackson settings: a service
 * that switches to snake_case or numeric dates must not change the wire format every other service
 * reads.
 */
final class EnvelopeJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private EnvelopeJson() {}

    static EventEnvelope read(byte[] json) {
        try {
            return MAPPER.readValue(json, EventEnvelope.class);
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("Not a valid event envelope: " + rootMessage(e), e);
        }
    }

    static byte[] write(EventEnvelope envelope) {
        return MAPPER.writeValueAsBytes(envelope);
    }

    static <T> T payload(JsonNode payload, Class<T> type) {
        return MAPPER.treeToValue(payload, type);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
