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

/** A property the company manages under a service contract (项目点): the root of the registry's tree. */
@Entity
@Table(name = "project")
class Project {

    @Id
    private UUID id;

    @Version
    private Long version;

    private UUID tenantId;
    private @Nullable UUID regionId;
    private String code;
    private String name;

    @Enumerated(EnumType.STRING)
    private ProjectType type;

    private @Nullable String address;
    private @Nullable BigDecimal latitude;
    private @Nullable BigDecimal longitude;
    private @Nullable BigDecimal totalFloorArea;
    private @Nullable LocalDate contractStart;
    private @Nullable LocalDate contractEnd;

    @Enumerated(EnumType.STRING)
    private ProjectStatus status;

    private Instant createdAt;
    private Instant updatedAt;

    protected Project() {} // for JPA

    /** Everything about a project but its identity; the request and a change both end as one. */
    record Details(
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
            ProjectStatus status) {}

    static Project open(UUID tenantId, Details details, Instant now) {
        return open(UUID.randomUUID(), tenantId, details, now);
    }

    /** With a chosen id: the demo seed's ids are derived from codes so other seeds can name them. */
    static Project open(UUID id, UUID tenantId, Details details, Instant now) {
        Project project = new Project();
        project.id = id;
        project.tenantId = tenantId;
        project.createdAt = now;
        project.apply(details, now);
        return project;
    }

    void apply(Details details, Instant now) {
        if (details.contractStart() != null
                && details.contractEnd() != null
                && details.contractEnd().isBefore(details.contractStart())) {
            throw new BusinessRuleViolation(
                    RegistryCodes.PROJECT_CONTRACT_PERIOD_INVALID,
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "The contract cannot end before it starts");
        }
        this.regionId = details.regionId();
        this.code = details.code().strip();
        this.name = details.name().strip();
        this.type = details.type();
        this.address = details.address();
        this.latitude = details.latitude();
        this.longitude = details.longitude();
        this.totalFloorArea = details.totalFloorArea();
        this.contractStart = details.contractStart();
        this.contractEnd = details.contractEnd();
        this.status = details.status();
        this.updatedAt = now;
    }

    Details details() {
        return new Details(
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
                status);
    }

    UUID id() {
        return id;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }
}
