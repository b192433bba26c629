package com.propcloud.pms.workorder.ticket;

import com.propcloud.pms.common.messaging.outbox.Outbox;
import com.propcloud.pms.common.problem.BusinessRuleViolation;
import com.propcloud.pms.common.problem.InvalidParameterException;
import com.propcloud.pms.common.problem.NotFoundException;
import com.propcloud.pms.common.security.DataScope;
import com.propcloud.pms.common.tenant.TenantContext;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens tickets and reads them back, within the caller's tenant and data scope: HQ admins see every
 * ticket, other staff the tickets of their projects, owners the tickets they reported. A ticket
 * outside the scope is answered exactly as a missing one.
 */
@Service
class TicketService {

    /** A project-scoped staff member named a project that is not theirs (or one that does not exist). */
    static final String PROJECT_OUT_OF_SCOPE = "work-order.project-out-of-scope";

    /** What an owner may report from the app; maintenance, patrol and alarm tickets are staff's. */
    static final Set<TicketKind> OWNER_KINDS =
            EnumSet.of(TicketKind.REPAIR, TicketKind.COMPLAINT, TicketKind.SUGGESTION);

    private final TicketRepository tickets;
    private final Outbox outbox;
    private final Clock clock;

    TicketService(TicketRepository tickets, Outbox outbox, Clock clock) {
        this.tickets = tickets;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * A ticket opened by staff. Project-scoped staff must file it under one of their projects, or they
     * could not read back what they just created.
     */
    @Transactional
    Ticket submit(SubmitTicketRequest request, DataScope scope) {
        if (!scope.tenantWide()) {
            if (request.projectId() == null) {
                throw new InvalidParameterException("projectId", "is required for project-scoped staff");
            }
            if (!scope.coversProject(request.projectId())) {
                // 422 rather than 404: the request body, not the path, names the project, and the same
                // answer is given for a project that does not exist, so it reveals nothing
                throw new BusinessRuleViolation(
                        PROJECT_OUT_OF_SCOPE,
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        "Tickets can only be opened in your own projects");
            }
        }
        return open(
                request.projectId(),
                request.unitId(),
                request.kind(),
                request.category(),
                request.description(),
                scope.subject());
    }

    /**
     * A ticket an owner reports from the app. It has no project until units (and so their projects)
     * are known here, which leaves it to HQ until then.
     */
    @Transactional
    Ticket submitAsOwner(SubmitOwnTicketRequest request, DataScope scope) {
        scope.requireOwner();
        if (!OWNER_KINDS.contains(request.kind())) {
            throw new InvalidParameterException("kind", "must be one of " + OWNER_KINDS);
        }
        return open(null, request.unitId(), request.kind(), request.category(), request.description(), scope.subject());
    }

    @Transactional(readOnly = true)
    Ticket get(UUID id, DataScope scope) {
        Optional<Ticket> ticket =
                switch (scope.reach()) {
                    case TENANT -> tickets.findById(id);
                    case PROJECTS ->
                        scope.projects().isEmpty()
                                ? Optional.empty()
                                : tickets.findByIdAndProjectIdIn(id, scope.projects());
                    case OWN -> tickets.findByIdAndReportedBy(id, scope.subject());
                };
        return ticket.orElseThrow(() -> new NotFoundException("Work order", id));
    }

    @Transactional(readOnly = true)
    Page<Ticket> list(Pageable pageable, DataScope scope) {
        return switch (scope.reach()) {
            case TENANT -> tickets.findAll(pageable);
            // no projects, no tickets: skip the query (and an empty IN list)
            case PROJECTS ->
                scope.projects().isEmpty()
                        ? Page.empty(pageable)
                        : tickets.findByProjectIdIn(scope.projects(), pageable);
            case OWN -> tickets.findByReportedBy(scope.subject(), pageable);
        };
    }

    /** Saves the ticket and its {@code workorder.ticket.created} event in one transaction. */
    private Ticket open(
            @Nullable UUID projectId,
            @Nullable UUID unitId,
            TicketKind kind,
            @Nullable String category,
            String description,
            UUID reportedBy) {
        Ticket ticket = tickets.save(Ticket.submit(
                TenantContext.require(), projectId, unitId, kind, category, description, reportedBy, clock));
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
}
