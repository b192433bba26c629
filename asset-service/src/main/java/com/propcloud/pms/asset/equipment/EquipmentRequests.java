package com.propcloud.pms.asset.equipment;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The bodies of the equipment API. Dates and the cycle are checked by the item itself (422). */
final class EquipmentRequests {

    /** A non-blank string for optional fields that, when present, must say something. */
    private static final String NOT_BLANK = "(?s).*\\S.*";

    private EquipmentRequests() {}

    /** A new item; without a status it is IN_SERVICE. An elevator gets a 15-day maintenance plan. */
    record Create(
            @NotNull UUID projectId,

            @Schema(
                    description = "The ledger number (设备编号), unique within the project; the import matches on it",
                    example = "DT-01-01")
            @Nullable
            @Size(min = 1, max = 64)
            @Pattern(regexp = NOT_BLANK, message = "must not be blank")
            String code,

            @Nullable UUID buildingId,
            @NotNull EquipmentCategory category,

            @Schema(example = "1号楼客梯A") @NotBlank @Size(max = 200)
            String name,

            @Nullable @Size(max = 100) String brand,
            @Nullable @Size(max = 100) String model,
            @Nullable @Size(max = 100) String serialNumber,
            @Nullable Integer floor,

            @Schema(description = "Where to find it, free text", example = "B1 pump room") @Nullable @Size(max = 500)
            String location,

            @Nullable LocalDate installDate,
            @Nullable LocalDate warrantyEnd,
            @Nullable EquipmentStatus status,

            @Schema(description = "Maintenance cycle in days, as the ledger records it") @Nullable @Positive
            Integer maintenanceCycleDays) {

        Equipment.Details details() {
            return new Equipment.Details(
                    code,
                    buildingId,
                    category,
                    name,
                    brand,
                    model,
                    serialNumber,
                    floor,
                    location,
                    installDate,
                    warrantyEnd,
                    status == null ? EquipmentStatus.IN_SERVICE : status,
                    maintenanceCycleDays);
        }
    }

    /** Changes to an item; absent fields stay. An item never moves to another project. */
    record Change(
            @Nullable @Size(min = 1, max = 64) @Pattern(regexp = NOT_BLANK, message = "must not be blank")
            String code,

            @Nullable UUID buildingId,
            @Nullable EquipmentCategory category,

            @Nullable @Size(min = 1, max = 200) @Pattern(regexp = NOT_BLANK, message = "must not be blank")
            String name,

            @Nullable @Size(max = 100) String brand,
            @Nullable @Size(max = 100) String model,
            @Nullable @Size(max = 100) String serialNumber,
            @Nullable Integer floor,
            @Nullable @Size(max = 500) String location,
            @Nullable LocalDate installDate,
            @Nullable LocalDate warrantyEnd,
            @Nullable EquipmentStatus status,
            @Nullable @Positive Integer maintenanceCycleDays) {

        Equipment.Details applyTo(Equipment.Details current) {
            return new Equipment.Details(
                    code == null ? current.code() : code,
                    buildingId == null ? current.buildingId() : buildingId,
                    category == null ? current.category() : category,
                    name == null ? current.name() : name,
                    brand == null ? current.brand() : brand,
                    model == null ? current.model() : model,
                    serialNumber == null ? current.serialNumber() : serialNumber,
                    floor == null ? current.floor() : floor,
                    location == null ? current.location() : location,
                    installDate == null ? current.installDate() : installDate,
                    warrantyEnd == null ? current.warrantyEnd() : warrantyEnd,
                    status == null ? current.status() : status,
                    maintenanceCycleDays == null ? current.maintenanceCycleDays() : maintenanceCycleDays);
        }
    }

    record Response(
            UUID id,
            UUID projectId,
            @Nullable String code,
            @Nullable UUID buildingId,
            EquipmentCategory category,
            String name,
            @Nullable String brand,
            @Nullable String model,
            @Nullable String serialNumber,
            @Nullable Integer floor,
            @Nullable String location,
            @Nullable LocalDate installDate,
            @Nullable LocalDate warrantyEnd,
            EquipmentStatus status,
            @Nullable Integer maintenanceCycleDays,

            @Schema(description = "What the item's QR label encodes; GET /api/v1/equipment/by-code/{code}")
            String qrCode,

            Instant createdAt,
            Instant updatedAt) {

        static Response of(Equipment item) {
            Equipment.Details d = item.details();
            return new Response(
                    item.id(),
                    item.projectId(),
                    d.code(),
                    d.buildingId(),
                    d.category(),
                    d.name(),
                    d.brand(),
                    d.model(),
                    d.serialNumber(),
                    d.floor(),
                    d.location(),
                    d.installDate(),
                    d.warrantyEnd(),
                    d.status(),
                    d.maintenanceCycleDays(),
                    item.qrCode(),
                    item.createdAt(),
                    item.updatedAt());
        }
    }
}
