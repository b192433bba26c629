package com.propcloud.pms.common.tenant.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.propcloud.pms.common.messaging.envelope.EventEnvelope;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The directory reads user-service's tenant events exactly as their golden files show them. */
class TenantEventContractTests {

    @Test
    void readsCreatedEvent() throws IOException {
        EventEnvelope event = golden("user.tenant.created.v1.json");
        TenantRecord tenant = event.payloadAs(TenantChangedV1.class).toRecord(event.occurredAt());

        assertThat(event.type()).isEqualTo(TenantChangedV1.CREATED);
        assertThat(tenant.id()).isEqualTo(event.aggregateId());
        assertThat(tenant.code()).isEqualTo("demo");
        assertThat(tenant.timeZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(tenant.entry().maxProjects()).isEqualTo(10);
        assertThat(tenant.entry().maxUnits()).isEqualTo(2000);
    }

    @Test
    void aPayloadFromBeforeThePlanLimitsReadsAsUnlimited() throws IOException {
        String older = """
                {"eventId":"0f6c2a4e-8d1b-4c3e-9a57-2b1d6e4f8a90","type":"user.tenant.created","schemaVersion":1,
                 "tenantId":"3b9e1f52-7c4a-4d8e-b1f6-5a2c9d0e7f13","projectId":null,
                 "aggregateId":"3b9e1f52-7c4a-4d8e-b1f6-5a2c9d0e7f13","occurredAt":"2026-11-21T02:15:04.120Z",
                 "payload":{"tenantId":"3b9e1f52-7c4a-4d8e-b1f6-5a2c9d0e7f13","code":"demo","name":"Demo",
                            "status":"ACTIVE","timeZone":"Asia/Shanghai","createdAt":"2026-11-21T02:15:04.118Z"}}""";
        EventEnvelope event = EventEnvelope.fromJson(older.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        TenantEntry tenant = event.payloadAs(TenantChangedV1.class)
                .toRecord(event.occurredAt())
                .entry();

        assertThat(tenant.maxProjects()).isNull();
        assertThat(tenant.maxUnits()).isNull();
    }

    @Test
    void readsUpdatedEventWithItsOwnTimestamp() throws IOException {
        EventEnvelope event = golden("user.tenant.updated.v1.json");
        TenantRecord tenant = event.payloadAs(TenantChangedV1.class).toRecord(event.occurredAt());

        assertThat(event.type()).isEqualTo(TenantChangedV1.UPDATED);
        assertThat(tenant.status()).isEqualTo("SUSPENDED");
        assertThat(tenant.updatedAt()).isEqualTo(Instant.parse("2026-11-22T09:30:00.248Z"));
        assertThat(tenant.maxProjects()).isNull();
        assertThat(tenant.maxUnits()).isEqualTo(5000);
    }

    private static EventEnvelope golden(String file) throws IOException {
        try (InputStream in = TenantEventContractTests.class.getResourceAsStream("/events/" + file)) {
            return EventEnvelope.fromJson(in.readAllBytes());
        }
    }
}
