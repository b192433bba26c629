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
    }

    @Test
    void readsUpdatedEventWithItsOwnTimestamp() throws IOException {
        EventEnvelope event = golden("user.tenant.updated.v1.json");
        TenantRecord tenant = event.payloadAs(TenantChangedV1.class).toRecord(event.occurredAt());

        assertThat(event.type()).isEqualTo(TenantChangedV1.UPDATED);
        assertThat(tenant.status()).isEqualTo("SUSPENDED");
        assertThat(tenant.updatedAt()).isEqualTo(Instant.parse("2026-11-22T09:30:00.248Z"));
    }

    private static EventEnvelope golden(String file) throws IOException {
        try (InputStream in = TenantEventContractTests.class.getResourceAsStream("/events/" + file)) {
            return EventEnvelope.fromJson(in.readAllBytes());
        }
    }
}
