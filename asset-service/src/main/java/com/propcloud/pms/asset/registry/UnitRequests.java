package com.propcloud.pms.asset.registry;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The bodies of the unit API. Floor and areas are checked by the unit itself (422 {@code
 * unit.floor-out-of-range}, {@code unit.area-invalid}), since they depend on the building and on each
 * other.
 */
final class UnitRequests {

    private UnitRequests() {}

    /** A new unit of a building; without a status it is VACANT. */
    record Create(
            @NotNull UUID buildingId,

            @Schema(example = "1203") @NotBlank @Size(max = 32)
            String number,

            @Schema(description = "1..floorsAbove, or -floorsBelow..-1; no floor 0") @NotNull
            Integer floor,

            @Schema(description = "Stairwell or entrance (单元)", example = "2") @Nullable @Size(max = 32)
            String entrance,

            @NotNull UnitType type,

            @Schema(description = "Gross floor area (建筑面积), m², two decimals", example = "89.50") @NotNull
            BigDecimal grossArea,

            @Schema(description = "Inner area (套内面积), m², at most the gross area") @Nullable
            BigDecimal innerArea,

            @Nullable UnitStatus status,
            @Nullable LocalDate handoverDate) {

        Unit.Details details() {
            return new Unit.Details(
                    number,
                    floor,
                    entrance,
                    type,
                    grossArea,
                    innerArea,
                    status == null ? UnitStatus.VACANT : status,
                    handoverDate);
        }
    }

    /** Changes to a unit; absent fields stay as they are. A unit never moves to another building. */
    record Change(
            @Nullable
            @Size(min = 1, max = 32)
            @Pattern(regexp = ProjectRequests.NOT_BLANK, message = "must not be blank")
            String number,

            @Nullable Integer floor,
            @Nullable @Size(max = 32) String entrance,
            @Nullable UnitType type,
            @Nullable BigDecimal grossArea,
            @Nullable BigDecimal innerArea,
            @Nullable UnitStatus status,
            @Nullable LocalDate handoverDate) {

        Unit.Details applyTo(Unit.Details current) {
            return new Unit.Details(
                    number == null ? current.number() : number,
                    floor == null ? current.floor() : floor,
                    entrance == null ? current.entrance() : entrance,
                    type == null ? current.type() : type,
                    grossArea == null ? current.grossArea() : grossArea,
                    innerArea == null ? current.innerArea() : innerArea,
                    status == null ? current.status() : status,
                    handoverDate == null ? current.handoverDate() : handoverDate);
        }
    }

    record Response(
            UUID id,
            UUID projectId,
            UUID buildingId,
            String number,
            int floor,
            @Nullable String entrance,
            UnitType type,
            BigDecimal grossArea,
            @Nullable BigDecimal innerArea,
            UnitStatus status,
            @Nullable LocalDate handoverDate,
            Instant createdAt,
            Instant updatedAt) {

        static Response of(Unit unit) {
            Unit.Details d = unit.details();
            return new Response(
                    unit.id(),
                    unit.projectId(),
                    unit.buildingId(),
                    d.number(),
                    d.floor(),
                    d.entrance(),
                    d.type(),
                    d.grossArea(),
                    d.innerArea(),
                    d.status(),
                    d.handoverDate(),
                    unit.createdAt(),
                    unit.updatedAt());
        }
    }
}
