package com.propcloud.pms.workorder.ticket;

import com.propcloud.pms.common.security.DataScope;
import com.propcloud.pms.common.web.PageQuery;
import com.propcloud.pms.common.web.PageResponse;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
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
 * The owners' app: an owner reports a repair, complaint or suggestion and follows their own tickets.
 * Another owner's ticket answers 404 like a missing one; staff are refused (403) and use {@link
 * TicketController}.
 */
@RestController
@RequestMapping("/api/v1/app/work-orders")
@PreAuthorize("hasRole('OWNER')")
class OwnerTicketController {

    private final TicketService tickets;

    OwnerTicketController(TicketService tickets) {
        this.tickets = tickets;
    }

    @PostMapping
    ResponseEntity<TicketResponse> submit(@Valid @RequestBody SubmitOwnTicketRequest request) {
        TicketResponse created = TicketResponse.of(tickets.submitAsOwner(request, owner()));
        return ResponseEntity.created(URI.create("/api/v1/app/work-orders/" + created.id()))
                .body(created);
    }

    @GetMapping("/{id}")
    TicketResponse get(@PathVariable UUID id) {
        return TicketResponse.of(tickets.get(id, owner()));
    }

    @GetMapping
    PageResponse<TicketResponse> list(
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable List<String> sort) {
        var pageable = PageQuery.of(page, size, sort, TicketController.SORTABLE, TicketController.NEWEST_FIRST);
        return PageResponse.of(tickets.list(pageable, owner()), TicketResponse::of);
    }

    /** The role says OWNER; the kind must agree, so no staff token reaches an owner's tickets. */
    private static DataScope owner() {
        return DataScope.current().requireOwner();
    }
}
