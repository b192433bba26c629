package com.propcloud.pms.asset.registry;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The bodies of the project API. */
final class ProjectRequests {

    static final String CODE = "[A-Za-z0-9][A-Za-z0-9._-]{0,31}";
    static final String CODE_MESSAGE = "must be 1 to 32 letters, digits, '.', '_' or '-'";
    static final String NOT_BLANK = ".*\\S.*";

    private ProjectRequests() {}

    /** A new project; without a status it is ACTIVE. */
    record Create(
            @Nullable UUID regionId,

            @Schema(example = "SH-001") @NotBlank @Pattern(regexp = CODE, message = CODE_MESSAGE)
            String code,

            @Schema(example = "Sunny Garden") @NotBlank @Size(max = 200)
            String name,

            @NotNull ProjectType type,
            @Nullable @Size(max = 500) String address,

            @Nullable @DecimalMin("-90") @DecimalMax("90") @Digits(integer = 2, fraction = 6)
            BigDecimal latitude,

            @Nullable @DecimalMin("-180") @DecimalMax("180") @Digits(integer = 3, fraction = 6)
            BigDecimal longitude,

            @Schema(description = "m²") @Nullable @Positive @Digits(integer = 10, fraction = 2)
            BigDecimal totalFloorArea,

            @Nullable LocalDate contractStart,
            @Nullable LocalDate contractEnd,
            @Nullable ProjectStatus status) {

        Project.Details details() {
            return new Project.Details(
                    regionId,
                    code,
                    name,
                    type,
                    address,
                    latitude,
                    longitude,
                    totalFloorArea,
                    contractStart,
                    contractEnd,
                    status == null ? ProjectStatus.ACTIVE : status);
        }
    }

    /** Changes to a project; absent (or null) fields stay as they are. */
    record Change(
            @Nullable UUID regionId,

            @Nullable @Pattern(regexp = CODE, message = CODE_MESSAGE)
            String code,

            @Nullable @Size(min = 1, max = 200) @Pattern(regexp = NOT_BLANK, message = "must not be blank")
            String name,

            @Nullable ProjectType type,
            @Nullable @Size(max = 500) String address,

            @Nullable @DecimalMin("-90") @DecimalMax("90") @Digits(integer = 2, fraction = 6)
            BigDecimal latitude,

            @Nullable @DecimalMin("-180") @DecimalMax("180") @Digits(integer = 3, fraction = 6)
            BigDecimal longitude,

            @Nullable @Positive @Digits(integer = 10, fraction = 2)
            BigDecimal totalFloorArea,

            @Nullable LocalDate contractStart,
            @Nullable LocalDate contractEnd,
            @Nullable ProjectStatus status) {

        Project.Details applyTo(Project.Details current) {
            return new Project.Details(
                    regionId == null ? current.regionId() : regionId,
                    code == null ? current.code() : code,
                    name == null ? current.name() : name,
                    type == null ? current.type() : type,
                    address == null ? current.address() : address,
                    latitude == null ? current.latitude() : latitude,
                    longitude == null ? current.longitude() : longitude,
                    totalFloorArea == null ? current.totalFloorArea() : totalFloorArea,
                    contractStart == null ? current.contractStart() : contractStart,
                    contractEnd == null ? current.contractEnd() : contractEnd,
                    status == null ? current.status() : status);
        }
    }

    record Response(
            UUID id,
            @Nullable UUID regionId,
            String code,
            String name,
            ProjectType type,
            @Nullable String address,
            @Nullable BigDecimal latitude,
            @Nullable BigDecimal longitude,
            @Nullable BigDecimal totalFloorArea,
            @Nullable LocalDate contractStart,
            @Nullable LocalDate contractEnd,
            ProjectStatus status,
            Instant createdAt,
            Instant updatedAt) {

        static Response of(Project project) {
            Project.Details d = project.details();
            return new Response(
                    project.id(),
                    d.regionId(),
                    d.code(),
                    d.name(),
                    d.type(),
                    d.address(),
                    d.latitude(),
                    d.longitude(),
                    d.totalFloorArea(),
                    d.contractStart(),
                    d.contractEnd(),
                    d.status(),
                    project.createdAt(),
                    project.updatedAt());
        }
    }
}
