package com.propcloud.pms.iot.telemetry;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads one telemetry message: the topic {@code <root>/{tenantCode}/{deviceId}/telemetry} and the
 * payload {@code {"ts":"<ISO-8601 instant>","metrics":{"<name>":<number>,...}}}. Pure and
 * thread-safe; resolving the tenant code is left to the caller.
 *
 * <p>Metric values are JSON numbers only (no strings, booleans, nulls, arrays or objects: states and
 * flags belong on the {@code event} and {@code status} topics) and are kept exactly as sent: the
 * stored metrics are a JSON text rebuilt from the names and the numbers' own digits, never a double.
 * Unknown top-level fields are ignored, so devices may add fields without breaking ingest.
 */
final class TelemetryParser {

    static final Pattern TENANT_CODE = Pattern.compile("[a-z][a-z0-9-]{1,62}");
    static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
    static final Pattern METRIC_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");
    static final String TELEMETRY = "telemetry";
    private static final int MAX_NUMBER_DIGITS = 100;
    private static final int MAX_NUMBER_SCALE = 1000;
    private static final int MAX_TS_LENGTH = 64;

    private final JsonFactory json = JsonFactory.builder().build();
    private final String topicPrefix;
    private final TelemetryProperties properties;
    private final Clock clock;

    TelemetryParser(String topicRoot, TelemetryProperties properties, Clock clock) {
        this.topicPrefix = topicRoot + "/";
        this.properties = properties;
        this.clock = clock;
    }

    /** What one message says, or why it cannot be stored. */
    sealed interface Outcome permits Reading, Rejection {}

    /** A valid reading: {@code metricsJson} is a JSON object of exact numbers. */
    record Reading(String deviceId, Instant ts, String metricsJson) implements Outcome {}

    record Rejection(QuarantineReason reason, String detail) implements Outcome {}

    /**
     * @param tenantCode the topic's tenant code when the topic has the right shape and the code is
     *     well formed, else null (and the outcome is a rejection)
     */
    record Parsed(@Nullable String tenantCode, Outcome outcome) {}

    Parsed parse(String topic, byte[] payload) {
        if (!topic.startsWith(topicPrefix)) {
            return new Parsed(null, reject(QuarantineReason.INVALID_TOPIC, "topic is not under " + topicPrefix));
        }
        String[] levels = topic.substring(topicPrefix.length()).split("/", -1);
        if (levels.length != 3 || !TELEMETRY.equals(levels[2])) {
            return new Parsed(
                    null,
                    reject(
                            QuarantineReason.INVALID_TOPIC,
                            "topic is not " + topicPrefix + "{tenant}/{device}/telemetry"));
        }
        String tenantCode = levels[0];
        if (!TENANT_CODE.matcher(tenantCode).matches()) {
            return new Parsed(
                    null,
                    reject(QuarantineReason.UNKNOWN_TENANT, "'" + clip(tenantCode, 80) + "' is not a tenant code"));
        }
        return new Parsed(tenantCode, payload(levels[1], payload));
    }

    private Outcome payload(String deviceId, byte[] payload) {
        if (!DEVICE_ID.matcher(deviceId).matches()) {
            return reject(
                    QuarantineReason.INVALID_DEVICE_ID,
                    "device id must be 1 to 128 of [A-Za-z0-9._:-], starting with a letter or digit");
        }
        if (payload.length > properties.maxPayloadBytes()) {
            return reject(
                    QuarantineReason.PAYLOAD_TOO_LARGE,
                    "payload of " + payload.length + " bytes exceeds the limit of " + properties.maxPayloadBytes());
        }
        try (JsonParser parser = json.createParser(ObjectReadContext.empty(), payload)) {
            return document(parser, deviceId);
        } catch (JacksonException e) {
            return reject(QuarantineReason.MALFORMED_JSON, clip(e.getOriginalMessage(), 300));
        }
    }

    private Outcome document(JsonParser parser, String deviceId) {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            return reject(QuarantineReason.MALFORMED_JSON, "payload is not a JSON object");
        }
        Instant ts = null;
        String metrics = null;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("ts".equals(field)) {
                if (ts != null) {
                    return reject(QuarantineReason.INVALID_TS, "ts appears twice");
                }
                Object parsed = timestamp(parser, value);
                if (parsed instanceof Rejection rejection) {
                    return rejection;
                }
                ts = (Instant) parsed;
            } else if ("metrics".equals(field)) {
                if (metrics != null) {
                    return reject(QuarantineReason.INVALID_METRICS, "metrics appears twice");
                }
                Object parsed = metrics(parser, value);
                if (parsed instanceof Rejection rejection) {
                    return rejection;
                }
                metrics = (String) parsed;
            } else {
                parser.skipChildren();
            }
        }
        if (parser.nextToken() != null) {
            return reject(QuarantineReason.MALFORMED_JSON, "content after the JSON object");
        }
        if (ts == null) {
            return reject(QuarantineReason.INVALID_TS, "ts is missing");
        }
        if (metrics == null) {
            return reject(QuarantineReason.INVALID_METRICS, "metrics is missing");
        }
        return new Reading(deviceId, ts, metrics);
    }

    private Object timestamp(JsonParser parser, JsonToken value) {
        if (value != JsonToken.VALUE_STRING) {
            return reject(QuarantineReason.INVALID_TS, "ts must be an ISO-8601 instant string");
        }
        String text = parser.getString();
        Instant ts;
        try {
            if (text.length() > MAX_TS_LENGTH) {
                throw new DateTimeParseException("too long", clip(text, MAX_TS_LENGTH), 0);
            }
            ts = Instant.parse(text);
        } catch (DateTimeParseException e) {
            return reject(
                    QuarantineReason.INVALID_TS,
                    "ts '" + clip(text, MAX_TS_LENGTH) + "' is not an ISO-8601 instant such as 2026-11-21T10:00:00Z");
        }
        Instant now = clock.instant();
        if (ts.isAfter(now.plus(properties.maxFuture()))) {
            return reject(
                    QuarantineReason.INVALID_TS, "ts " + ts + " is more than " + properties.maxFuture() + " ahead");
        }
        if (ts.isBefore(now.minus(properties.maxAge()))) {
            return reject(QuarantineReason.INVALID_TS, "ts " + ts + " is more than " + properties.maxAge() + " ago");
        }
        // the store keeps microseconds: drop finer digits here rather than let the database round
        return ts.truncatedTo(ChronoUnit.MICROS);
    }

    private Object metrics(JsonParser parser, JsonToken value) {
        if (value != JsonToken.START_OBJECT) {
            return reject(QuarantineReason.INVALID_METRICS, "metrics must be an object of numbers");
        }
        StringBuilder out = new StringBuilder("{");
        Set<String> names = new HashSet<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            String name = parser.currentName();
            JsonToken number = parser.nextToken();
            if (!METRIC_NAME.matcher(name).matches()) {
                return reject(
                        QuarantineReason.INVALID_METRICS,
                        "metric name '" + clip(name, 80)
                                + "' must be 1 to 64 of [A-Za-z0-9_.-], starting with a letter");
            }
            if (!names.add(name)) {
                return reject(QuarantineReason.INVALID_METRICS, "metric '" + name + "' appears twice");
            }
            if (names.size() > properties.maxMetrics()) {
                return reject(QuarantineReason.INVALID_METRICS, "more than " + properties.maxMetrics() + " metrics");
            }
            if (number != JsonToken.VALUE_NUMBER_INT && number != JsonToken.VALUE_NUMBER_FLOAT) {
                return reject(
                        QuarantineReason.INVALID_METRICS,
                        "metric '" + name + "' is " + describe(number) + "; metric values must be numbers");
            }
            BigDecimal exact = parser.getDecimalValue();
            if (exact.precision() > MAX_NUMBER_DIGITS || Math.abs(exact.scale()) > MAX_NUMBER_SCALE) {
                return reject(QuarantineReason.INVALID_METRICS, "metric '" + name + "' is out of range");
            }
            if (names.size() > 1) {
                out.append(',');
            }
            // the number exactly as the device wrote it: valid JSON, and jsonb keeps it as numeric
            out.append('"').append(name).append("\":").append(parser.getString());
        }
        if (names.isEmpty()) {
            return reject(QuarantineReason.INVALID_METRICS, "metrics is empty");
        }
        return out.append('}').toString();
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case VALUE_STRING -> "a string";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            default -> "not a number";
        };
    }

    private static Rejection reject(QuarantineReason reason, String detail) {
        return new Rejection(reason, detail);
    }

    static String clip(@Nullable String text, int max) {
        if (text == null) {
            return "";
        }
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }

    /** The payload as text for the quarantine table: lossy UTF-8, no NUL (PostgreSQL text refuses it), capped. */
    static String printable(byte[] payload, int maxBytes) {
        int length = Math.min(payload.length, maxBytes);
        return new String(payload, 0, length, StandardCharsets.UTF_8).replace('\u0000', '\uFFFD');
    }
}
