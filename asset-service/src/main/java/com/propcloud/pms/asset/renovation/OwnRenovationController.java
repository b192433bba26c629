package com.propcloud.pms.asset.renovation;

import com.propcloud.pms.common.security.DataScope;
import com.propcloud.pms.common.web.PageQuery;
import com.propcloud.pms.common.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
 * The owners' app: an owner files a renovation for a unit they hold now and follows the unit's filings
 * and their state. Any other unit answers 404 like a missing one; staff are refused.
 */
@RestController
@RequestMapping("/api/v1/app/units/{unitId}/renovations")
@Tag(name = "Owners' app")
@PreAuthorize("hasRole('OWNER')")
class OwnRenovationController {

    private final RenovationService renovations;

    OwnRenovationController(RenovationService renovations) {
        this.renovations = renovations;
    }

    @PostMapping
    @Operation(summary = "File a renovation for a unit the owner holds")
    ResponseEntity<RenovationRequests.Response> submit(
            @PathVariable UUID unitId, @Valid @RequestBody RenovationRequests.Submit request) {
        DataScope owner = owner();
        var created = RenovationRequests.Response.of(
                renovations.fileAsOwner(unitId, request.application(unitId, owner.subject()), owner));
        return ResponseEntity.created(URI.create("/api/v1/app/units/" + unitId + "/renovations/" + created.id()))
                .body(created);
    }

    @GetMapping
    @Operation(summary = "The unit's filings, newest first")
    PageResponse<RenovationRequests.Response> list(
            @PathVariable UUID unitId,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable List<String> sort) {
        var pageable = PageQuery.of(page, size, sort, RenovationController.SORTABLE, RenovationController.NEWEST_FIRST);
        return PageResponse.of(renovations.listForOwner(unitId, pageable, owner()), RenovationRequests.Response::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One filing of the unit, with its state (and the reason if rejected)")
    RenovationRequests.Response get(@PathVariable UUID unitId, @PathVariable UUID id) {
        return RenovationRequests.Response.of(renovations.getForOwner(unitId, id, owner()));
    }

    /** The role says OWNER; the kind must agree. */
    private static DataScope owner() {
        return DataScope.current().requireOwner();
    }
}
