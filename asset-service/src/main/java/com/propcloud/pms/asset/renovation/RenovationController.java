package com.propcloud.pms.asset.renovation;

import com.propcloud.pms.common.problem.InvalidParameterException;
import com.propcloud.pms.common.security.DataScope;
import com.propcloud.pms.common.web.PageQuery;
import com.propcloud.pms.common.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Locale;
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
 * Renovation filings (装修备案) as staff handle them: the owner desk files for an occupant, HQ admins
 * and project managers approve, reject (with a reason) and complete, all within their scope. Another
 * project's filing is not found, like a missing id.
 */
@RestController
@RequestMapping("/api/v1/renovations")
@Tag(name = "Renovations")
@PreAuthorize("hasAnyRole('HQ_ADMIN','PROJECT_MANAGER','FRONT_DESK','TECHNICIAN','FINANCE','SECURITY')")
class RenovationController {

    static final String DECIDERS = "hasAnyRole('HQ_ADMIN','PROJECT_MANAGER')";
    static final String FILERS = "hasAnyRole('HQ_ADMIN','PROJECT_MANAGER','FRONT_DESK')";
    static final Set<String> SORTABLE = Set.of("startsOn", "endsOn", "status", "createdAt", "updatedAt");
    static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"));

    private final RenovationService renovations;

    RenovationController(RenovationService renovations) {
        this.renovations = renovations;
    }

    @PostMapping
    @PreAuthorize(FILERS)
    @Operation(summary = "File a renovation for an occupant of a unit (HQ admins, project managers, front desk)")
    ResponseEntity<RenovationRequests.Response> file(@Valid @RequestBody RenovationRequests.File request) {
        var created = RenovationRequests.Response.of(renovations.file(request.application(), staff()));
        return ResponseEntity.created(URI.create("/api/v1/renovations/" + created.id()))
                .body(created);
    }

    @GetMapping
    @Operation(summary = "Filings in the caller's scope, newest first; filters combine")
    PageResponse<RenovationRequests.Response> list(
            @RequestParam(required = false) @Nullable UUID projectId,
            @RequestParam(required = false) @Nullable UUID unitId,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable List<String> sort) {
        var pageable = PageQuery.of(page, size, sort, SORTABLE, NEWEST_FIRST);
        var filter = new RenovationService.Filter(projectId, unitId, status(status));
        return PageResponse.of(renovations.list(filter, pageable, staff()), RenovationRequests.Response::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One filing")
    RenovationRequests.Response get(@PathVariable UUID id) {
        return RenovationRequests.Response.of(renovations.get(id, staff()));
    }

    @PostMapping("/{id}/approve")
    @PreAuthorize(DECIDERS)
    @Operation(summary = "Approve a submitted filing (HQ admins, project managers)")
    RenovationRequests.Response approve(@PathVariable UUID id) {
        return RenovationRequests.Response.of(renovations.approve(id, staff()));
    }

    @PostMapping("/{id}/reject")
    @PreAuthorize(DECIDERS)
    @Operation(summary = "Reject a submitted filing with a reason (HQ admins, project managers)")
    RenovationRequests.Response reject(@PathVariable UUID id, @Valid @RequestBody RenovationRequests.Reject request) {
        return RenovationRequests.Response.of(renovations.reject(id, request.reason(), staff()));
    }

    @PostMapping("/{id}/complete")
    @PreAuthorize(DECIDERS)
    @Operation(summary = "Mark an approved renovation completed (HQ admins, project managers)")
    RenovationRequests.Response complete(@PathVariable UUID id) {
        return RenovationRequests.Response.of(renovations.complete(id, staff()));
    }

    private static @Nullable RenovationStatus status(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return RenovationStatus.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("status", "can be one of SUBMITTED, APPROVED, REJECTED, COMPLETED");
        }
    }

    private static DataScope staff() {
        return DataScope.current().requireStaff();
    }
}
