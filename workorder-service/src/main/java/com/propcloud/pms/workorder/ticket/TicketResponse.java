package com.propcloud.pms.workorder.ticket;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

record TicketResponse(
        UUID id,
        TicketKind kind,
        TicketStatus status,
        @Nullable UUID projectId,
        @Nullable UUID unitId,
        @Nullable String category,
        String description,
        UUID reportedBy,
        Instant createdAt,
        Instant updatedAt) {

    static TicketResponse of(Ticket ticket) {
        return new TicketResponse(
                ticket.id(),
                ticket.kind(),
                ticket.status(),
                ticket.projectId(),
                ticket.unitId(),
                ticket.category(),
                ticket.description(),
                ticket.reportedBy(),
                ticket.createdAt(),
                ticket.updatedAt());
    }
}
