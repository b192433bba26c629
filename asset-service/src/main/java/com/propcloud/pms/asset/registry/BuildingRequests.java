package com.propcloud.pms.asset.registry;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The bodies of the building API. */
final class BuildingRequests {

    private BuildingRequests() {}

    /** A new building of a project; its project never changes afterwards. */
    record Create(
            @NotNull UUID projectId,

            @Schema(example = "3")
            @NotBlank
            @Pattern(regexp = ProjectRequests.CODE, message = ProjectRequests.CODE_MESSAGE)
            String code,

            @Schema(example = "3号楼") @NotBlank @Size(max = 200)
            String name,

            @NotNull @Min(1) @Max(300) Integer floorsAbove,
            @Nullable @Min(0) @Max(20) Integer floorsBelow,
            @Nullable @Min(0) @Max(200) Integer elevatorCount) {

        Building.Details details() {
            return new Building.Details(
                    code,
                    name,
                    floorsAbove,
                    floorsBelow == null ? 0 : floorsBelow,
                    elevatorCount == null ? 0 : elevatorCount);
        }
    }

    /** Changes to a building; absent fields stay as they are. */
    record Change(
            @Nullable @Pattern(regexp = ProjectRequests.CODE, message = ProjectRequests.CODE_MESSAGE)
            String code,

            @Nullable
            @Size(min = 1, max = 200)
            @Pattern(regexp = ProjectRequests.NOT_BLANK, message = "must not be blank")
            String name,

            @Nullable @Min(1) @Max(300) Integer floorsAbove,
            @Nullable @Min(0) @Max(20) Integer floorsBelow,
            @Nullable @Min(0) @Max(200) Integer elevatorCount) {

        Building.Details applyTo(Building.Details current) {
            return new Building.Details(
                    code == null ? current.code() : code,
                    name == null ? current.name() : name,
                    floorsAbove == null ? current.floorsAbove() : floorsAbove,
                    floorsBelow == null ? current.floorsBelow() : floorsBelow,
                    elevatorCount == null ? current.elevatorCount() : elevatorCount);
        }
    }

    record Response(
            UUID id,
            UUID projectId,
            String code,
            String name,
            int floorsAbove,
            int floorsBelow,
            int elevatorCount,
            Instant createdAt,
            Instant updatedAt) {

        static Response of(Building building) {
            Building.Details d = building.details();
            return new Response(
                    building.id(),
                    building.projectId(),
                    d.code(),
                    d.name(),
                    d.floorsAbove(),
                    d.floorsBelow(),
                    d.elevatorCount(),
                    building.createdAt(),
                    building.updatedAt());
        }
    }
}
