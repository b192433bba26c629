package com.propcloud.pms.asset.occupancy;

import com.propcloud.pms.common.problem.InvalidParameterException;
import com.propcloud.pms.common.security.DataScope;
import com.propcloud.pms.common.web.PageQuery;
import com.propcloud.pms.common.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Finding units by who lives in them: by part of a current occupant's name, or by the person's id (the
 * front desk finds a caller by exact phone in user-service, {@code GET /api/v1/owners?phone=}, which
 * answers the person's id). Staff, within their projects; names come back masked.
 */
@RestController
@Tag(name = "Occupants")
@PreAuthorize(Access.STAFF)
class UnitsByOccupantController {

    private static final Set<String> SORTABLE = Set.of("moveIn", "createdAt");

    /** A unit and the current occupant that matched. */
    record Response(
            UUID unitId,
            String number,
            int floor,
            UUID buildingId,
            String buildingName,
            UUID projectId,
            String projectName,
            UUID occupancyId,
            UUID personId,
            @Nullable String personName,
            OccupancyRole role,
            boolean primaryPayer,
            LocalDate moveIn) {

        static Response of(OccupancyService.OccupiedUnit found) {
            var unit = found.unit();
            var stay = found.occupancy();
            return new Response(
                    unit.id(),
                    unit.number(),
                    unit.floor(),
                    unit.buildingId(),
                    unit.buildingName(),
                    unit.projectId(),
                    unit.projectName(),
                    stay.id(),
                    stay.personId(),
                    found.person() == null ? null : found.person().maskedName(),
                    stay.role(),
                    stay.primaryPayer(),
                    stay.moveIn());
        }
    }

    private final OccupancyService occupancies;

    UnitsByOccupantController(OccupancyService occupancies) {
        this.occupancies = occupancies;
    }

    @GetMapping("/api/v1/units/by-occupant")
    @Operation(summary = "Units by a current occupant: part of their name, or their person id")
    PageResponse<Response> search(
            @RequestParam(required = false) @Nullable String name,
            @RequestParam(required = false) @Nullable UUID personId,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable List<String> sort) {
        String namePart = name == null || name.isBlank() ? null : name.strip();
        if (namePart == null && personId == null) {
            throw new InvalidParameterException("name", "give part of a name, or a personId");
        }
        var pageable = PageQuery.of(page, size, sort, SORTABLE, Sort.by(Sort.Order.desc("moveIn")));
        return PageResponse.of(
                occupancies.unitsByOccupant(
                        namePart, personId, pageable, DataScope.current().requireStaff()),
                Response::of);
    }
}
