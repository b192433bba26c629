package com.propcloud.pms.workorder.ticket;

import java.util.Collection;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Tickets of the current tenant; row-level security hides every other tenant's. The scoped finders
 * narrow the tenant in SQL, so a page holds only what the caller may see and counts only that.
 */
interface TicketRepository extends JpaRepository<Ticket, UUID> {

    /** Tickets of these projects; a ticket without a project never matches. */
    Page<Ticket> findByProjectIdIn(Collection<UUID> projectIds, Pageable pageable);

    Optional<Ticket> findByIdAndProjectIdIn(UUID id, Collection<UUID> projectIds);

    /** An owner's own tickets. */
    Page<Ticket> findByReportedBy(UUID reportedBy, Pageable pageable);

    Optional<Ticket> findByIdAndReportedBy(UUID id, UUID reportedBy);
}
