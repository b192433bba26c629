package com.propcloud.pms.asset.parking;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The bodies of the parking-space API. */
final class ParkingSpaceRequests {

    private static final String NOT_BLANK = ".*\\S.*";

    private ParkingSpaceRequests() {}

    record Create(
            @NotNull UUID projectId,

            @Schema(description = "Zone or area, e.g. B1 or 地下一层A区", example = "B1") @NotBlank @Size(max = 64)
            String zone,

            @Schema(example = "B1-018") @NotBlank @Size(max = 32)
            String number,

            @NotNull ParkingSpaceType type,
            @Nullable ParkingSpaceStatus status,

            @Schema(description = "The unit holding the space, in the same project") @Nullable
            UUID unitId,

            @Schema(description = "A current occupancy (stay) holding the space; its unit becomes the space's")
            @Nullable
            UUID occupancyId) {

        ParkingSpace.Details details() {
            return new ParkingSpace.Details(
                    zone, number, type, status == null ? ParkingSpaceStatus.AVAILABLE : status, unitId, occupancyId);
        }
    }

    /** Changes; absent fields stay. A space never moves to another project. */
    record Change(
            @Nullable @Size(min = 1, max = 64) @Pattern(regexp = NOT_BLANK, message = "must not be blank")
            String zone,

            @Nullable @Size(min = 1, max = 32) @Pattern(regexp = NOT_BLANK, message = "must not be blank")
            String number,

            @Nullable ParkingSpaceType type,
            @Nullable ParkingSpaceStatus status,
            @Nullable UUID unitId,
            @Nullable UUID occupancyId) {

        ParkingSpace.Details applyTo(ParkingSpace.Details current) {
            return new ParkingSpace.Details(
                    zone == null ? current.zone() : zone,
                    number == null ? current.number() : number,
                    type == null ? current.type() : type,
                    status == null ? current.status() : status,
                    unitId == null ? current.unitId() : unitId,
                    occupancyId == null ? current.occupancyId() : occupancyId);
        }
    }

    record Response(
            UUID id,
            UUID projectId,
            String zone,
            String number,
            ParkingSpaceType type,
            ParkingSpaceStatus status,
            @Nullable UUID unitId,
            @Nullable UUID occupancyId,
            Instant createdAt,
            Instant updatedAt) {

        static Response of(ParkingSpace space) {
            ParkingSpace.Details d = space.details();
            return new Response(
                    space.id(),
                    space.projectId(),
                    d.zone(),
                    d.number(),
                    d.type(),
                    d.status(),
                    d.unitId(),
                    d.occupancyId(),
                    space.createdAt(),
                    space.updatedAt());
        }
    }
}
