package com.propcloud.pms.asset.equipment;

import com.propcloud.pms.common.problem.BusinessRuleViolation;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * One item of the equipment ledger (设备台账): an elevator, a pump, a fire panel. It stays in its
 * project; its building (of that project) and place within it may change. Its QR code is issued once
 * and never changes, so a printed label stays valid for the item's life.
 */
@Entity
@Table(name = "equipment")
class Equipment {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    private UUID id;

    @Version
    private Long version;

    private UUID tenantId;
    private UUID projectId;
    private @Nullable UUID buildingId;
    private @Nullable String code;

    @Enumerated(EnumType.STRING)
    private EquipmentCategory category;

    private String name;
    private @Nullable String brand;
    private @Nullable String model;
    private @Nullable String serialNumber;
    private @Nullable Integer floor;
    private @Nullable String location;
    private @Nullable LocalDate installDate;
    private @Nullable LocalDate warrantyEnd;

    @Enumerated(EnumType.STRING)
    private EquipmentStatus status;

    private @Nullable Integer maintenanceCycleDays;
    private String qrCode;
    private Instant createdAt;
    private Instant updatedAt;

    protected Equipment() {} // for JPA

    /** What can change; {@code code} is the ledger number (设备编号), unique within the project where given. */
    record Details(
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
            @Nullable Integer maintenanceCycleDays) {}

    static Equipment register(UUID tenantId, UUID projectId, Details details, Instant now) {
        return register(UUID.randomUUID(), tenantId, projectId, details, now);
    }

    /** With an id of the caller's choosing: the demo seed's name-based ones. */
    static Equipment register(UUID id, UUID tenantId, UUID projectId, Details details, Instant now) {
        Equipment equipment = new Equipment();
        equipment.id = id;
        equipment.tenantId = tenantId;
        equipment.projectId = projectId;
        equipment.qrCode = newQrCode();
        equipment.createdAt = now;
        equipment.apply(details, now);
        return equipment;
    }

    /** The building, where named, has been checked to be of this item's project by the caller. */
    void apply(Details details, Instant now) {
        if (details.installDate() != null
                && details.warrantyEnd() != null
                && details.warrantyEnd().isBefore(details.installDate())) {
            throw new BusinessRuleViolation(
                    EquipmentCodes.WARRANTY_BEFORE_INSTALL,
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "The warranty cannot end before the installation");
        }
        if (details.maintenanceCycleDays() != null && details.maintenanceCycleDays() < 1) {
            throw new BusinessRuleViolation(
                    EquipmentCodes.CYCLE_INVALID,
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "The maintenance cycle is a positive number of days");
        }
        this.code = details.code() == null ? null : details.code().strip();
        this.buildingId = details.buildingId();
        this.category = details.category();
        this.name = details.name().strip();
        this.brand = details.brand();
        this.model = details.model();
        this.serialNumber = details.serialNumber();
        this.floor = details.floor();
        this.location = details.location();
        this.installDate = details.installDate();
        this.warrantyEnd = details.warrantyEnd();
        this.status = details.status();
        this.maintenanceCycleDays = details.maintenanceCycleDays();
        this.updatedAt = now;
    }

    /** 128 random bits, URL-safe: unguessable, so a code grants nothing a scope check would not. */
    static String newQrCode() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return "EQ" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    Details details() {
        return new Details(
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
                status,
                maintenanceCycleDays);
    }

    UUID id() {
        return id;
    }

    UUID projectId() {
        return projectId;
    }

    String qrCode() {
        return qrCode;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }
}
