package com.propcloud.pms.workorder.ticket;

import com.propcloud.pms.common.security.DataScope;
import com.propcloud.pms.common.web.PageQuery;
import com.propcloud.pms.common.web.PageResponse;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff's work-order desk: open a ticket for a call or a walk-in, look tickets up. HQ admins see the
 * whole tenant; every other role only the tickets of the projects in its token (see {@link
 * TicketService}); owners use {@link OwnerTicketController} instead.
 */
@RestController
@RequestMapping("/api/v1/work-orders")
@PreAuthorize("hasAnyRole('HQ_ADMIN','PROJECT_MANAGER','FRONT_DESK','TECHNICIAN')")
class TicketController {

    static final Set<String> SORTABLE = Set.of("createdAt", "updatedAt", "status", "kind");
    static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "createdAt");

    private final TicketService tickets;

    TicketController(TicketService tickets) {
        this.tickets = tickets;
    }

    @PostMapping
    ResponseEntity<TicketResponse> submit(@Valid @RequestBody SubmitTicketRequest request) {
        TicketResponse created = TicketResponse.of(tickets.submit(request, staff()));
        return ResponseEntity.created(URI.create("/api/v1/work-orders/" + created.id()))
                .body(created);
    }

    @GetMapping("/{id}")
    TicketResponse get(@PathVariable UUID id) {
        return TicketResponse.of(tickets.get(id, staff()));
    }

    @GetMapping
    PageResponse<TicketResponse> list(
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable List<String> sort) {
        var pageable = PageQuery.of(page, size, sort, SORTABLE, NEWEST_FIRST);
        return PageResponse.of(tickets.list(pageable, staff()), TicketResponse::of);
    }

    private static DataScope staff() {
        return DataScope.current().requireStaff();
    }
}
