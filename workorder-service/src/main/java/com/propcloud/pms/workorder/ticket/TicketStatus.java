package com.propcloud.pms.workorder.ticket;

/** Where a ticket is in its life; every change of status is guarded by the {@link Ticket}. */
public enum TicketStatus {
    SUBMITTED,
    ASSIGNED,
    ACCEPTED,
    IN_PROGRESS,
    RESOLVED,
    CLOSED,
    CANCELLED
}
