package com.propcloud.pms.asset.occupancy;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A vehicle registered to a unit (for parking and gate access), optionally to one of its occupants. */
@Entity
@Table(name = "vehicle")
class Vehicle {

    @Id
    private UUID id;

    @Version
    private Long version;

    private UUID tenantId;
    private UUID projectId;
    private UUID unitId;
    private @Nullable UUID personId;
    private String plate;
    private Instant createdAt;
    private Instant updatedAt;

    protected Vehicle() {} // for JPA

    /** The plate is already normalised by {@link PlateNumbers}. */
    static Vehicle register(
            UUID tenantId, UUID projectId, UUID unitId, @Nullable UUID personId, String plate, Instant now) {
        Vehicle vehicle = new Vehicle();
        vehicle.id = UUID.randomUUID();
        vehicle.tenantId = tenantId;
        vehicle.projectId = projectId;
        vehicle.unitId = unitId;
        vehicle.personId = personId;
        vehicle.plate = plate;
        vehicle.createdAt = now;
        vehicle.updatedAt = now;
        return vehicle;
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

    @Nullable
    UUID personId() {
        return personId;
    }

    String plate() {
        return plate;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }
}
