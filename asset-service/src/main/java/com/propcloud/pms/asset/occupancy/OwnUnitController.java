package com.propcloud.pms.asset.occupancy;

import com.propcloud.pms.common.security.DataScope;
import com.propcloud.pms.common.web.PageQuery;
import com.propcloud.pms.common.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The owners' app: the units the caller (an owner token, {@code sub} = their person id) holds now.
 * Another's unit, or one they have moved out of, answers 404 like a missing one; staff are refused.
 */
@RestController
@RequestMapping("/api/v1/app/units")
@Tag(name = "Owners' app")
@PreAuthorize(Access.OWNER)
class OwnUnitController {

    private final OccupancyService occupancies;

    OwnUnitController(OccupancyService occupancies) {
        this.occupancies = occupancies;
    }

    @GetMapping
    @Operation(summary = "The units the owner holds now, with their role and primary-payer flag")
    PageResponse<OccupancyRequests.OwnUnit> list(
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable List<String> sort) {
        var pageable = PageQuery.of(page, size, sort, Set.of("moveIn"), Sort.by("moveIn", "id"));
        return PageResponse.of(occupancies.heldBy(owner(), pageable), OccupancyRequests.OwnUnit::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One unit the owner holds")
    OccupancyRequests.OwnUnit get(@PathVariable UUID id) {
        return OccupancyRequests.OwnUnit.of(occupancies.heldUnit(id, owner()));
    }

    /** The role says OWNER; the kind must agree, so no staff token reaches an owner's units. */
    private static DataScope owner() {
        return DataScope.current().requireOwner();
    }
}
