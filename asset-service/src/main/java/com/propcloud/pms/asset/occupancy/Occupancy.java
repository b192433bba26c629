package com.propcloud.pms.asset.occupancy;

import com.propcloud.pms.common.problem.BusinessRuleViolation;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * One stay of a person in a unit, from move-in to move-out. History is never rewritten: ending a stay
 * sets its move-out date once, and a later stay is a new row; so billing can tell who paid when.
 */
@Entity
@Table(name = "occupancy")
class Occupancy {

    @Id
    private UUID id;

    @Version
    private Long version;

    private UUID tenantId;
    private UUID projectId;
    private UUID unitId;
    private UUID personId;

    @Enumerated(EnumType.STRING)
    private OccupancyRole role;

    private boolean primaryPayer;
    private LocalDate moveIn;
    private @Nullable LocalDate moveOut;
    private Instant createdAt;
    private Instant updatedAt;

    protected Occupancy() {} // for JPA

    static Occupancy start(
            UUID tenantId,
            UUID projectId,
            UUID unitId,
            UUID personId,
            OccupancyRole role,
            boolean primaryPayer,
            LocalDate moveIn,
            Instant now) {
        Occupancy occupancy = new Occupancy();
        occupancy.id = UUID.randomUUID();
        occupancy.tenantId = tenantId;
        occupancy.projectId = projectId;
        occupancy.unitId = unitId;
        occupancy.personId = personId;
        occupancy.role = role;
        occupancy.primaryPayer = primaryPayer;
        occupancy.moveIn = moveIn;
        occupancy.createdAt = now;
        occupancy.updatedAt = now;
        return occupancy;
    }

    /**
     * Ends the stay; once ended it stays as it is. Ending it again on the same date is a retry and
     * changes nothing (false: no event either); on another date it is refused.
     */
    boolean end(LocalDate moveOut, Instant now) {
        if (moveOut.equals(this.moveOut)) {
            return false;
        }
        if (this.moveOut != null) {
            throw new BusinessRuleViolation(OccupancyCodes.ALREADY_ENDED, "The occupancy has ended already");
        }
        if (moveOut.isBefore(moveIn)) {
            throw new BusinessRuleViolation(
                    OccupancyCodes.PERIOD_INVALID,
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "The move-out date cannot precede the move-in date");
        }
        this.moveOut = moveOut;
        this.updatedAt = now;
        return true;
    }

    boolean current() {
        return moveOut == null;
    }

    UUID id() {
        return id;
    }

    UUID projectId() {
        return projectId;
    }

    UUID unitId() {
        return unitId;
    }

    UUID personId() {
        return personId;
    }

    OccupancyRole role() {
        return role;
    }

    boolean primaryPayer() {
        return primaryPayer;
    }

    LocalDate moveIn() {
        return moveIn;
    }

    @Nullable
    LocalDate moveOut() {
        return moveOut;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }
}
