package com.propcloud.pms.asset.parking;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A parking space (车位) of a project, numbered within its zone, optionally held by a unit or by one
 * occupant's stay (a tenant who rents the space, not the unit's owner). It never changes project.
 */
@Entity
@Table(name = "parking_space")
class ParkingSpace {

    @Id
    private UUID id;

    @Version
    private Long version;

    private UUID tenantId;
    private UUID projectId;
    private String zone;
    private String number;

    @Enumerated(EnumType.STRING)
    private ParkingSpaceType type;

    @Enumerated(EnumType.STRING)
    private ParkingSpaceStatus status;

    private @Nullable UUID unitId;
    private @Nullable UUID occupancyId;
    private Instant createdAt;
    private Instant updatedAt;

    protected ParkingSpace() {} // for JPA

    /**
     * What can change; the holder is checked by the service (it must lie in the space's project), and a
     * stay's unit becomes the space's unit.
     */
    record Details(
            String zone,
            String number,
            ParkingSpaceType type,
            ParkingSpaceStatus status,
            @Nullable UUID unitId,
            @Nullable UUID occupancyId) {}

    static ParkingSpace open(UUID tenantId, UUID projectId, Details details, Instant now) {
        return open(UUID.randomUUID(), tenantId, projectId, details, now);
    }

    /** With an id of the caller's choosing: the demo seed's name-based ones. */
    static ParkingSpace open(UUID id, UUID tenantId, UUID projectId, Details details, Instant now) {
        ParkingSpace space = new ParkingSpace();
        space.id = id;
        space.tenantId = tenantId;
        space.projectId = projectId;
        space.createdAt = now;
        space.apply(details, now);
        return space;
    }

    void apply(Details details, Instant now) {
        this.zone = details.zone().strip();
        this.number = details.number().strip();
        this.type = details.type();
        this.status = details.status();
        this.unitId = details.unitId();
        this.occupancyId = details.occupancyId();
        this.updatedAt = now;
    }

    Details details() {
        return new Details(zone, number, type, status, unitId, occupancyId);
    }

    UUID id() {
        return id;
    }

    UUID projectId() {
        return projectId;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }
}
