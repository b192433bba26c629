package com.propcloud.pms.workorder.ticket;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Payload of {@code workorder.ticket.created}, version 1 (the envelope carries eventId, tenantId and
 * projectId). Add fields only, never rename or remove.
 */
record TicketCreatedV1(
        UUID ticketId,
        TicketKind kind,
        @Nullable String category,
        @Nullable UUID unitId,
        @Nullable UUID projectId,
        Instant createdAt) {

    static final String TYPE = "workorder.ticket.created";
    static final int VERSION = 1;
}
