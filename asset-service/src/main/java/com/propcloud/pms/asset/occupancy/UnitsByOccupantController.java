package com.propcloud.pms.asset.occupancy;

import com.propcloud.pms.common.pii.Phones;
import com.propcloud.pms.common.problem.BusinessRuleViolation;
import com.propcloud.pms.common.problem.InvalidParameterException;
import com.propcloud.pms.common.security.DataScope;
import com.propcloud.pms.common.tenant.TenantContext;
import com.propcloud.pms.common.web.PageQuery;
import com.propcloud.pms.common.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Finding units by who lives in them: by part of a current occupant's name, by the person's id, or by
 * their exact phone, which user-service matches through its keyed hash ({@link PeopleRegistry}; this
 * service holds phones only masked). Staff, within their projects; names come back masked. A phone is
 * never logged or echoed in a problem.
 */
@RestController
@Tag(name = "Occupants")
@PreAuthorize(Access.STAFF)
class UnitsByOccupantController {

    private static final Logger log = LoggerFactory.getLogger(UnitsByOccupantController.class);
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
    private final PeopleRegistry people;

    UnitsByOccupantController(OccupancyService occupancies, PeopleRegistry people) {
        this.occupancies = occupancies;
        this.people = people;
    }

    @GetMapping("/api/v1/units/by-occupant")
    @Operation(summary = "Units by a current occupant: part of their name, their person id or their exact phone")
    PageResponse<Response> search(
            @RequestParam(required = false) @Nullable String name,
            @RequestParam(required = false) @Nullable UUID personId,
            @RequestParam(required = false) @Nullable String phone,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable List<String> sort) {
        String namePart = name == null || name.isBlank() ? null : name.strip();
        if (namePart == null && personId == null && phone == null) {
            throw new InvalidParameterException("name", "give part of a name, a personId or a phone");
        }
        var pageable = PageQuery.of(page, size, sort, SORTABLE, Sort.by(Sort.Order.desc("moveIn")));
        DataScope scope = DataScope.current().requireStaff();
        UUID person = personId;
        if (phone != null) {
            Optional<UUID> holder = holderOf(phone);
            if (holder.isEmpty() || (personId != null && !personId.equals(holder.get()))) {
                // nobody holds the phone, or not the person named too
                return PageResponse.of(Page.<OccupancyService.OccupiedUnit>empty(pageable), Response::of);
            }
            person = holder.get();
        }
        return PageResponse.of(occupancies.unitsByOccupant(namePart, person, pageable, scope), Response::of);
    }

    /** The person holding the phone, asked of user-service outside any transaction. */
    private Optional<UUID> holderOf(String phone) {
        String normalised = Phones.normalise(phone)
                .orElseThrow(() -> new InvalidParameterException("phone", "is not a mainland mobile number"));
        try {
            return Optional.ofNullable(people.findByPhones(TenantContext.require(), List.of(normalised))
                    .get(normalised));
        } catch (PeopleRegistry.Unavailable e) {
            // the message names user-service's address, never the phone (it travels in the request body)
            log.warn("Units by phone: user-service unavailable: {}", e.getMessage());
            throw new BusinessRuleViolation(
                    OccupancyCodes.PEOPLE_UNAVAILABLE,
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "People cannot be found by phone right now; try again shortly");
        }
    }
}
