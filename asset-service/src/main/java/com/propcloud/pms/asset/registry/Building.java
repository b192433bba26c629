package com.propcloud.pms.asset.registry;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A building (楼栋) of a project. It never moves to another project: its units' ids depend on it. */
@Entity
@Table(name = "building")
class Building {

    @Id
    private UUID id;

    @Version
    private Long version;

    private UUID tenantId;
    private UUID projectId;
    private String code;
    private String name;
    private int floorsAbove;
    private int floorsBelow;
    private int elevatorCount;
    private Instant createdAt;
    private Instant updatedAt;

    protected Building() {} // for JPA

    record Details(String code, String name, int floorsAbove, int floorsBelow, int elevatorCount) {}

    static Building open(UUID tenantId, UUID projectId, Details details, Instant now) {
        return open(UUID.randomUUID(), tenantId, projectId, details, now);
    }

    static Building open(UUID id, UUID tenantId, UUID projectId, Details details, Instant now) {
        Building building = new Building();
        building.id = id;
        building.tenantId = tenantId;
        building.projectId = projectId;
        building.createdAt = now;
        building.apply(details, now);
        return building;
    }

    void apply(Details details, Instant now) {
        this.code = details.code().strip();
        this.name = details.name().strip();
        this.floorsAbove = details.floorsAbove();
        this.floorsBelow = details.floorsBelow();
        this.elevatorCount = details.elevatorCount();
        this.updatedAt = now;
    }

    /** Floors run 1..above above ground and -1..-below beneath it; there is no floor 0. */
    boolean hasFloor(int floor) {
        return floor != 0 && floor <= floorsAbove && floor >= -floorsBelow;
    }

    Details details() {
        return new Details(code, name, floorsAbove, floorsBelow, elevatorCount);
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
