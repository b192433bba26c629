package com.propcloud.pms.common.messaging.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The envelope is a contract between services: its JSON must match the golden file field for field. */
class EventEnvelopeTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final UUID TICKET = UUID.fromString("c2d9e8f7-a6b5-4c4d-9e3f-2a1b0c9d8e7f");

    /** The consumer's own copy of the payload, as a service would keep it. */
    record TicketCreatedV1(
            UUID ticketId, String kind, @Nullable UUID unitId, Instant createdAt) {}

    /** A consumer that only cares about some of the payload. */
    record TicketKindOnly(String kind) {}

    private static EventEnvelope expected() {
        return new EventEnvelope(
                UUID.fromString("5b0c6a0e-6c1f-4d7e-9a51-3f1f0c2b8e11"),
                "workorder.ticket.created",
                1,
                UUID.fromString("8f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0"),
                null,
                TICKET,
                Instant.parse("2026-11-21T02:15:04.120Z"),
                JSON.valueToTree(
                        new TicketCreatedV1(TICKET, "REPAIR", null, Instant.parse("2026-11-21T02:15:04.118Z"))));
    }

    private static byte[] golden() throws IOException {
        try (InputStream in = EventEnvelopeTests.class.getResourceAsStream("/events/envelope-v1.json")) {
            return in.readAllBytes();
        }
    }

    @Nested
    class Writing {

        @Test
        void writesTheGoldenJson() throws IOException {
            JsonNode written = JSON.readTree(expected().toJson());

            assertThat(written).isEqualTo(JSON.readTree(golden()));
        }

        @Test
        void writesTheFixedFieldNamesInTheDocumentedOrder() {
            JsonNode written = JSON.readTree(expected().toJson());

            List<String> names = new ArrayList<>(written.propertyNames());
            assertThat(names)
                    .containsExactly(
                            "eventId",
                            "type",
                            "schemaVersion",
                            "tenantId",
                            "projectId",
                            "aggregateId",
                            "occurredAt",
                            "payload");
        }

        @Test
        void writesAnAbsentProjectAsNull() {
            String written = new String(expected().toJson(), StandardCharsets.UTF_8);

            assertThat(written).contains("\"projectId\":null");
        }
    }

    @Nested
    class Reading {

        @Test
        void readsTheGoldenJson() throws IOException {
            assertThat(EventEnvelope.fromJson(golden())).isEqualTo(expected());
        }

        @Test
        void roundTripsThroughJson() {
            EventEnvelope envelope = expected();

            assertThat(EventEnvelope.fromJson(envelope.toJson())).isEqualTo(envelope);
        }

        @Test
        void mapsThePayloadOntoTheConsumersCopy() throws IOException {
            EventEnvelope envelope = EventEnvelope.fromJson(golden());

            assertThat(envelope.payloadAs(TicketCreatedV1.class))
                    .isEqualTo(new TicketCreatedV1(TICKET, "REPAIR", null, Instant.parse("2026-11-21T02:15:04.118Z")));
        }

        @Test
        void ignoresPayloadFieldsTheConsumerDoesNotKeep() throws IOException {
            EventEnvelope envelope = EventEnvelope.fromJson(golden());

            assertThat(envelope.payloadAs(TicketKindOnly.class)).isEqualTo(new TicketKindOnly("REPAIR"));
        }

        @Test
        void ignoresEnvelopeFieldsAddedLater() throws IOException {
            var json = (tools.jackson.databind.node.ObjectNode) JSON.readTree(golden());
            json.put("traceParent", "00-abc-def-01");

            assertThat(EventEnvelope.fromJson(JSON.writeValueAsBytes(json))).isEqualTo(expected());
        }

        @Test
        void rejectsTextThatIsNotJson() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> EventEnvelope.fromJson("not json {".getBytes(StandardCharsets.UTF_8)))
                    .withMessageStartingWith("Not a valid event envelope");
        }

        @Test
        void rejectsAnEnvelopeWithoutTenant() throws IOException {
            var json = (tools.jackson.databind.node.ObjectNode) JSON.readTree(golden());
            json.remove("tenantId");

            assertThatIllegalArgumentException()
                    .isThrownBy(() -> EventEnvelope.fromJson(JSON.writeValueAsBytes(json)))
                    .withMessageContaining("tenantId");
        }
    }

    @Nested
    class Validation {

        @ParameterizedTest
        @ValueSource(strings = {"Workorder.ticket.created", "workorder.ticket", "workorder..created", "a.b.c.d", ""})
        void rejectsATypeThatIsNotThreeLowerCaseWords(String type) {
            assertThatIllegalArgumentException().isThrownBy(() -> EventEnvelope.requireType(type));
        }

        @ParameterizedTest
        @ValueSource(strings = {"workorder.ticket.created", "billing.payment.succeeded", "iot.alarm.sla-breached"})
        void acceptsRoutingKeysOfTheDocumentedShape(String type) {
            assertThat(EventEnvelope.requireType(type)).isEqualTo(type);
        }

        @Test
        void rejectsAPayloadThatIsNotAnObject() {
            EventEnvelope valid = expected();

            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new EventEnvelope(
                            valid.eventId(),
                            valid.type(),
                            1,
                            valid.tenantId(),
                            null,
                            valid.aggregateId(),
                            valid.occurredAt(),
                            JSON.readTree("[1,2]")));
        }

        @Test
        void rejectsSchemaVersionZero() {
            EventEnvelope valid = expected();

            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new EventEnvelope(
                            valid.eventId(),
                            valid.type(),
                            0,
                            valid.tenantId(),
                            null,
                            valid.aggregateId(),
                            valid.occurredAt(),
                            valid.payload()));
        }
    }
}
