package com.propcloud.pms.asset.registry;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A grouping of projects (华东区, 北区…) so HQ can roll figures up region → project. */
@Entity
@Table(name = "region")
class Region {

    @Id
    private UUID id;

    @Version
    private Long version;

    private UUID tenantId;
    private String name;
    private Instant createdAt;
    private Instant updatedAt;

    protected Region() {} // for JPA

    static Region create(UUID tenantId, String name, Instant now) {
        return create(UUID.randomUUID(), tenantId, name, now);
    }

    static Region create(UUID id, UUID tenantId, String name, Instant now) {
        Region region = new Region();
        region.id = id;
        region.tenantId = tenantId;
        region.name = name.strip();
        region.createdAt = now;
        region.updatedAt = now;
        return region;
    }

    void rename(String name, Instant now) {
        this.name = name.strip();
        this.updatedAt = now;
    }

    UUID id() {
        return id;
    }

    String name() {
        return name;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }
}
