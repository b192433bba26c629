package com.propcloud.pms.reporting.workorder;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * reporting-service's own copy of the {@code workorder.ticket.created} v1 payload: only what the
 * projection uses; fields the producer adds later are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record TicketCreated(
        UUID ticketId,
        String kind,
        @Nullable String category,
        @Nullable UUID projectId,
        Instant createdAt) {

    static final String TYPE = "workorder.ticket.created";
}
