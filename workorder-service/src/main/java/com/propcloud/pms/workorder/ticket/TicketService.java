package com.propcloud.pms.workorder.ticket;

import com.propcloud.pms.common.messaging.outbox.Outbox;
import com.propcloud.pms.common.problem.NotFoundException;
import com.propcloud.pms.common.tenant.TenantContext;
import java.time.Clock;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens tickets and reads them back, within the caller's tenant. */
@Service
class TicketService {

    private final TicketRepository tickets;
    private final Outbox outbox;
    private final Clock clock;

    TicketService(TicketRepository tickets, Outbox outbox, Clock clock) {
        this.tickets = tickets;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Saves the ticket and its {@code workorder.ticket.created} event in one transaction. */
    @Transactional
    Ticket submit(SubmitTicketRequest request, UUID reportedBy) {
        Ticket ticket = tickets.save(Ticket.submit(
                TenantContext.require(),
                request.projectId(),
                request.unitId(),
                request.kind(),
                request.category(),
                request.description(),
                reportedBy,
                clock));
        outbox.append(
                TicketCreatedV1.TYPE,
                ticket.id(),
                ticket.projectId(),
                new TicketCreatedV1(
                        ticket.id(),
                        ticket.kind(),
                        ticket.category(),
                        ticket.unitId(),
                        ticket.projectId(),
                        ticket.createdAt()),
                TicketCreatedV1.VERSION);
        return ticket;
    }

    @Transactional(readOnly = true)
    Ticket get(UUID id) {
        return tickets.findById(id).orElseThrow(() -> new NotFoundException("Work order", id));
    }

    @Transactional(readOnly = true)
    Page<Ticket> list(Pageable pageable) {
        return tickets.findAll(pageable);
    }
}
