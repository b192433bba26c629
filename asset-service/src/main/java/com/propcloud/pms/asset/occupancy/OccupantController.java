package com.propcloud.pms.asset.occupancy;

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
 * The people of a unit, current and past. The owner desk links a person (known from user-service's
 * events) and ends a stay by its move-out date; nothing is edited in place, so the history stays. A
 * unit outside the caller's scope is not found, like a missing one.
 */
@RestController
@RequestMapping("/api/v1/units/{unitId}/occupants")
@Tag(name = "Occupants")
@PreAuthorize(Access.STAFF)
class OccupantController {

    static final Set<String> SORTABLE = Set.of("moveIn", "moveOut", "role", "createdAt");

    private final OccupancyService occupancies;

    OccupantController(OccupancyService occupancies) {
        this.occupancies = occupancies;
    }

    @PostMapping
    @PreAuthorize(Access.OWNER_DESK)
    @Operation(summary = "Link a person to the unit (HQ admins, project managers, front desk)")
    ResponseEntity<OccupancyRequests.Response> link(
            @PathVariable UUID unitId, @Valid @RequestBody OccupancyRequests.Link request) {
        var created = OccupancyRequests.Response.of(occupancies.link(unitId, request.toLink(), staff()));
        return ResponseEntity.created(URI.create("/api/v1/units/" + unitId + "/occupants/" + created.id()))
                .body(created);
    }

    @GetMapping
    @Operation(summary = "The unit's occupants, newest move-in first; period CURRENT, PAST or ALL (default)")
    PageResponse<OccupancyRequests.Response> list(
            @PathVariable UUID unitId,
            @RequestParam(required = false) @Nullable String period,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable List<String> sort) {
        var pageable = PageQuery.of(page, size, sort, SORTABLE, Sort.by(Sort.Order.desc("moveIn")));
        return PageResponse.of(
                occupancies.list(unitId, period(period), pageable, staff()), OccupancyRequests.Response::of);
    }

    @PostMapping("/{occupancyId}/end")
    @PreAuthorize(Access.OWNER_DESK)
    @Operation(summary = "End a stay on its move-out date; an ended stay stays as history")
    OccupancyRequests.Response end(
            @PathVariable UUID unitId,
            @PathVariable UUID occupancyId,
            @Valid @RequestBody OccupancyRequests.End request) {
        return OccupancyRequests.Response.of(occupancies.end(unitId, occupancyId, request.moveOut(), staff()));
    }

    private static OccupancyService.Period period(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return OccupancyService.Period.ALL;
        }
        try {
            return OccupancyService.Period.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("period", "can be one of CURRENT, PAST, ALL");
        }
    }

    private static DataScope staff() {
        return DataScope.current().requireStaff();
    }
}
