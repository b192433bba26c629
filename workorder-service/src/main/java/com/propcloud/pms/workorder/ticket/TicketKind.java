package com.propcloud.pms.workorder.ticket;

/** Why a ticket exists; decides its SLA and who it is dispatched to. */
public enum TicketKind {
    REPAIR,
    COMPLAINT,
    SUGGESTION,
    MAINTENANCE,
    PATROL,
    ALARM
}
