package com.propcloud.pms.asset.occupancy;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The bodies of the occupancy API and the owners' unit view. */
final class OccupancyRequests {

    private OccupancyRequests() {}

    record Link(
            @Schema(description = "The person's id in user-service (an owner account)") @NotNull
            UUID personId,

            @NotNull OccupancyRole role,

            @Schema(description = "At most one current primary payer per unit") @Nullable
            Boolean primaryPayer,

            @NotNull LocalDate moveIn) {

        OccupancyService.Link toLink() {
            return new OccupancyService.Link(personId, role, Boolean.TRUE.equals(primaryPayer), moveIn);
        }
    }

    record End(@NotNull LocalDate moveOut) {}

    /** A stay as staff see it; the person's name masked, their phone never. */
    record Response(
            UUID id,
            UUID unitId,
            UUID projectId,
            UUID personId,

            @Schema(description = "Masked display name, e.g. 张*") @Nullable
            String personName,

            OccupancyRole role,
            boolean primaryPayer,
            LocalDate moveIn,
            @Nullable LocalDate moveOut,
            boolean current,
            Instant createdAt,
            Instant updatedAt) {

        static Response of(OccupancyService.Occupant occupant) {
            Occupancy o = occupant.occupancy();
            return new Response(
                    o.id(),
                    o.unitId(),
                    o.projectId(),
                    o.personId(),
                    occupant.person() == null ? null : occupant.person().maskedName(),
                    o.role(),
                    o.primaryPayer(),
                    o.moveIn(),
                    o.moveOut(),
                    o.current(),
                    o.createdAt(),
                    o.updatedAt());
        }
    }

    /** A unit in the owners' app: where it is, and how the owner holds it. */
    record OwnUnit(
            UUID id,
            String number,
            int floor,
            UUID buildingId,
            String buildingName,
            UUID projectId,
            String projectName,
            UUID occupancyId,
            OccupancyRole role,
            boolean primaryPayer,
            LocalDate moveIn) {

        static OwnUnit of(OccupancyService.HeldUnit held) {
            var unit = held.unit();
            Occupancy o = held.occupancy();
            return new OwnUnit(
                    unit.id(),
                    unit.number(),
                    unit.floor(),
                    unit.buildingId(),
                    unit.buildingName(),
                    unit.projectId(),
                    unit.projectName(),
                    o.id(),
                    o.role(),
                    o.primaryPayer(),
                    o.moveIn());
        }
    }
}
