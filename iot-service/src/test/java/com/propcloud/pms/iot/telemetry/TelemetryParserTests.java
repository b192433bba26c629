package com.propcloud.pms.iot.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.propcloud.pms.iot.telemetry.TelemetryParser.Parsed;
import com.propcloud.pms.iot.telemetry.TelemetryParser.Reading;
import com.propcloud.pms.iot.telemetry.TelemetryParser.Rejection;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TelemetryParserTests {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private static final TelemetryProperties PROPERTIES = new TelemetryProperties(
            500,
            Duration.ofMillis(200),
            65536,
            3,
            Duration.ofDays(1),
            Duration.ofDays(400),
            Duration.ofMillis(200),
            Duration.ofSeconds(30),
            Duration.ofSeconds(10),
            2,
            Duration.ofHours(6));
    private final TelemetryParser parser = new TelemetryParser("pms", PROPERTIES, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void readsTheDocumentedExample() {
        Parsed parsed =
                parse("pms/demo/meter-1/telemetry", "{\"ts\":\"2026-11-21T10:00:00Z\",\"metrics\":{\"kwh\":1234.5}}");

        assertThat(parsed.tenantCode()).isEqualTo("demo");
        assertThat(parsed.outcome())
                .isEqualTo(new Reading("meter-1", Instant.parse("2026-11-21T10:00:00Z"), "{\"kwh\":1234.5}"));
    }

    @Test
    void keepsEveryDigitOfEveryNumberAsWritten() {
        Reading reading = reading("{\"metrics\":{\"a\":12345678901234567890.123456789,\"b\":-0.10,\"c\":1E-7},"
                + "\"ts\":\"2026-11-21T10:00:00Z\",\"firmware\":{\"v\":[1,2]}}");

        assertThat(reading.metricsJson()).isEqualTo("{\"a\":12345678901234567890.123456789,\"b\":-0.10,\"c\":1E-7}");
    }

    @Test
    void acceptsOffsetsAndDropsDigitsBelowMicroseconds() {
        Reading reading = reading("{\"ts\":\"2026-11-21T18:00:00.123456789+08:00\",\"metrics\":{\"kwh\":1}}");

        assertThat(reading.ts()).isEqualTo(Instant.parse("2026-11-21T10:00:00.123456Z"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"ts\":\"2026-11-21T10:00:00Z\",\"metrics\":{\"kwh\":1}            | malformed-json",
                "[1,2]                                                               | malformed-json",
                "{\"ts\":\"2026-11-21T10:00:00Z\",\"metrics\":{\"kwh\":1}} trailing    | malformed-json",
                "{\"ts\":\"2026-11-21T10:00:00Z\",\"metrics\":{\"kwh\":NaN}}           | malformed-json",
                "{\"metrics\":{\"kwh\":1}}                                           | invalid-ts",
                "{\"ts\":1763719200,\"metrics\":{\"kwh\":1}}                          | invalid-ts",
                "{\"ts\":\"yesterday\",\"metrics\":{\"kwh\":1}}                       | invalid-ts",
                "{\"ts\":\"2026-11-23T12:00:01Z\",\"metrics\":{\"kwh\":1}}            | invalid-ts",
                "{\"ts\":\"1970-01-01T00:00:00Z\",\"metrics\":{\"kwh\":1}}            | invalid-ts",
                "{\"ts\":\"2026-11-21T10:00:00Z\"}                                   | invalid-metrics",
                "{\"ts\":\"2026-11-21T10:00:00Z\",\"metrics\":{}}                     | invalid-metrics",
                "{\"ts\":\"2026-11-21T10:00:00Z\",\"metrics\":[1]}                    | invalid-metrics",
                "{\"ts\":\"2026-11-21T10:00:00Z\",\"metrics\":{\"kwh\":\"1\"}}         | invalid-metrics",
                "{\"ts\":\"2026-11-21T10:00:00Z\",\"metrics\":{\"on\":true}}          | invalid-metrics",
                "{\"ts\":\"2026-11-21T10:00:00Z\",\"metrics\":{\"kwh\":null}}         | invalid-metrics",
                "{\"ts\":\"2026-11-21T10:00:00Z\",\"metrics\":{\"kwh\":{\"v\":1}}}     | invalid-metrics",
                "{\"ts\":\"2026-11-21T10:00:00Z\",\"metrics\":{\"kwh\":1,\"kwh\":2}}  | invalid-metrics",
                "{\"ts\":\"2026-11-21T10:00:00Z\",\"metrics\":{\"k w h\":1}}          | invalid-metrics",
                "{\"ts\":\"2026-11-21T10:00:00Z\",\"metrics\":{\"a\":1,\"b\":2,\"c\":3,\"d\":4}} | invalid-metrics",
                "{\"ts\":\"2026-11-21T10:00:00Z\",\"metrics\":{\"kwh\":1e99999}}      | invalid-metrics",
            })
    void rejectsWithTheReason(String payload, String reason) {
        assertThat(rejection(parse("pms/demo/meter-1/telemetry", payload.strip()))
                        .reason()
                        .code())
                .isEqualTo(reason);
    }

    @Test
    void rejectsInvalidUtf8AsMalformed() {
        byte[] payload =
                "{\"ts\":\"2026-11-21T10:00:00Z\",\"metrics\":{\"k\u00e9\":1}}".getBytes(StandardCharsets.ISO_8859_1);

        assertThat(rejection(parser.parse("pms/demo/meter-1/telemetry", payload))
                        .reason())
                .isEqualTo(QuarantineReason.MALFORMED_JSON);
    }

    @Test
    void rejectsPayloadsOverTheLimitBeforeParsing() {
        byte[] payload = new byte[65537];

        assertThat(rejection(parser.parse("pms/demo/meter-1/telemetry", payload))
                        .reason())
                .isEqualTo(QuarantineReason.PAYLOAD_TOO_LARGE);
    }

    @ParameterizedTest
    @CsvSource({"pms/demo/bad device/telemetry", "pms/demo/-starts-with-dash/telemetry", "pms/demo/é/telemetry"})
    void rejectsDeviceIdsOutsideTheCharset(String topic) {
        Parsed parsed = parse(topic, "{\"ts\":\"2026-11-21T10:00:00Z\",\"metrics\":{\"kwh\":1}}");

        assertThat(parsed.tenantCode()).isEqualTo("demo");
        assertThat(rejection(parsed).reason()).isEqualTo(QuarantineReason.INVALID_DEVICE_ID);
    }

    @Test
    void rejectsADeviceIdLongerThan128() {
        Parsed parsed = parse("pms/demo/" + "d".repeat(129) + "/telemetry", "{}");

        assertThat(rejection(parsed).reason()).isEqualTo(QuarantineReason.INVALID_DEVICE_ID);
    }

    @Test
    void aTenantCodeThatCannotBeOneIsAnUnknownTenant() {
        Parsed parsed = parse("pms/DEMO!/meter-1/telemetry", "{}");

        assertThat(parsed.tenantCode()).isNull();
        assertThat(rejection(parsed).reason()).isEqualTo(QuarantineReason.UNKNOWN_TENANT);
    }

    @Test
    void aTopicOfTheWrongShapeIsInvalid() {
        assertThat(rejection(parse("other/demo/meter-1/telemetry", "{}")).reason())
                .isEqualTo(QuarantineReason.INVALID_TOPIC);
        assertThat(rejection(parse("pms/demo/meter-1/status", "{}")).reason())
                .isEqualTo(QuarantineReason.INVALID_TOPIC);
    }

    @Test
    void payloadTextForTheQuarantineHasNoNulAndIsCapped() {
        assertThat(TelemetryParser.printable(new byte[] {'a', 0, 'b'}, 10)).isEqualTo("a\uFFFDb");
        assertThat(TelemetryParser.printable("abcdef".getBytes(StandardCharsets.UTF_8), 3))
                .isEqualTo("abc");
    }

    private Reading reading(String payload) {
        return (Reading) parse("pms/demo/meter-1/telemetry", payload).outcome();
    }

    private Parsed parse(String topic, String payload) {
        return parser.parse(topic, payload.getBytes(StandardCharsets.UTF_8));
    }

    private static Rejection rejection(Parsed parsed) {
        assertThat(parsed.outcome()).isInstanceOf(Rejection.class);
        return (Rejection) parsed.outcome();
    }
}
