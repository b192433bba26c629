package com.propcloud.pms.asset.registry;

import com.propcloud.pms.common.problem.BusinessRuleViolation;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * A unit (房屋) of a building: what owners hold, bills are raised on and tickets are reported from. Its
 * project is its building's, kept here so scoped queries and the tree need no join.
 */
@Entity
@Table(name = "unit")
class Unit {

    @Id
    private UUID id;

    @Version
    private Long version;

    private UUID tenantId;
    private UUID projectId;
    private UUID buildingId;
    private String number;
    private int floor;
    private @Nullable String entrance;

    @Enumerated(EnumType.STRING)
    private UnitType type;

    private BigDecimal grossArea;
    private @Nullable BigDecimal innerArea;

    @Enumerated(EnumType.STRING)
    private UnitStatus status;

    private @Nullable LocalDate handoverDate;
    private Instant createdAt;
    private Instant updatedAt;

    protected Unit() {} // for JPA

    record Details(
            String number,
            int floor,
            @Nullable String entrance,
            UnitType type,
            BigDecimal grossArea,
            @Nullable BigDecimal innerArea,
            UnitStatus status,
            @Nullable LocalDate handoverDate) {}

    static Unit open(UUID tenantId, Building building, Details details, Instant now) {
        return open(UUID.randomUUID(), tenantId, building, details, now);
    }

    static Unit open(UUID id, UUID tenantId, Building building, Details details, Instant now) {
        Unit unit = new Unit();
        unit.id = id;
        unit.tenantId = tenantId;
        unit.projectId = building.projectId();
        unit.buildingId = building.id();
        unit.createdAt = now;
        unit.apply(building, details, now);
        return unit;
    }

    /** The building is this unit's own, passed in to check the floor against its range. */
    void apply(Building building, Details details, Instant now) {
        if (!building.hasFloor(details.floor())) {
            throw new BusinessRuleViolation(
                    RegistryCodes.UNIT_FLOOR_OUT_OF_RANGE,
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "The floor lies outside the building's floors");
        }
        requireArea(details.grossArea(), details.innerArea());
        this.number = details.number().strip();
        this.floor = details.floor();
        this.entrance = details.entrance();
        this.type = details.type();
        this.grossArea = details.grossArea();
        this.innerArea = details.innerArea();
        this.status = details.status();
        this.handoverDate = details.handoverDate();
        this.updatedAt = now;
    }

    /** Square metres with at most two decimals, positive, the inner area within the gross. */
    private static void requireArea(BigDecimal gross, @Nullable BigDecimal inner) {
        boolean valid = isArea(gross) && (inner == null || (isArea(inner) && inner.compareTo(gross) <= 0));
        if (!valid) {
            throw new BusinessRuleViolation(
                    RegistryCodes.UNIT_AREA_INVALID,
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "Areas are positive square metres with two decimals, the inner area at most the gross area");
        }
    }

    private static boolean isArea(BigDecimal area) {
        // numeric(10,2): eight digits before the point
        return area.signum() > 0
                && area.stripTrailingZeros().scale() <= 2
                && area.compareTo(new BigDecimal("99999999.99")) <= 0;
    }

    Details details() {
        return new Details(number, floor, entrance, type, grossArea, innerArea, status, handoverDate);
    }

    UUID id() {
        return id;
    }

    UUID projectId() {
        return projectId;
    }

    UUID buildingId() {
        return buildingId;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }
}
