package com.propcloud.pms.workorder.ticket;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** Tickets of the current tenant; row-level security hides every other tenant's. */
interface TicketRepository extends JpaRepository<Ticket, UUID> {}
