package com.propcloud.pms.workorder.ticket;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One repair, complaint or suggestion, from submission to the owner's rating. */
@Entity
@Table(name = "ticket")
class Ticket {

    @Id
    private UUID id;

    @Version
    private Long version;

    private UUID tenantId;
    private @Nullable UUID projectId;
    private @Nullable UUID unitId; // by id: units live in asset-service

    @Enumerated(EnumType.STRING)
    private TicketKind kind;

    private @Nullable String category;
    private String description;

    @Enumerated(EnumType.STRING)
    private TicketStatus status;

    private UUID reportedBy;
    private Instant createdAt;
    private Instant updatedAt;

    protected Ticket() {} // for JPA

    static Ticket submit(
            UUID tenantId,
            @Nullable UUID projectId,
            @Nullable UUID unitId,
            TicketKind kind,
            @Nullable String category,
            String description,
            UUID reportedBy,
            Clock clock) {
        Ticket ticket = new Ticket();
        ticket.id = UUID.randomUUID();
        ticket.tenantId = tenantId;
        ticket.projectId = projectId;
        ticket.unitId = unitId;
        ticket.kind = kind;
        ticket.category = category;
        ticket.description = description;
        ticket.status = TicketStatus.SUBMITTED;
        ticket.reportedBy = reportedBy;
        // the database keeps microseconds: answer with what a later read returns
        ticket.createdAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        ticket.updatedAt = ticket.createdAt;
        return ticket;
    }

    UUID id() {
        return id;
    }

    UUID tenantId() {
        return tenantId;
    }

    @Nullable
    UUID projectId() {
        return projectId;
    }

    @Nullable
    UUID unitId() {
        return unitId;
    }

    TicketKind kind() {
        return kind;
    }

    @Nullable
    String category() {
        return category;
    }

    String description() {
        return description;
    }

    TicketStatus status() {
        return status;
    }

    UUID reportedBy() {
        return reportedBy;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }
}
