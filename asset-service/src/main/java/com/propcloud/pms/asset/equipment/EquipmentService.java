package com.propcloud.pms.asset.equipment;

import com.propcloud.pms.asset.registry.RegistryLookup;
import com.propcloud.pms.asset.registry.RegistryQueries;
import com.propcloud.pms.common.messaging.outbox.Outbox;
import com.propcloud.pms.common.problem.BusinessRuleViolation;
import com.propcloud.pms.common.problem.NotFoundException;
import com.propcloud.pms.common.security.DataScope;
import com.propcloud.pms.common.tenant.TenantContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The equipment ledger within the caller's data scope (their projects). A change leaves an {@code
 * asset.equipment.*} event; a new item is announced in-process so maintenance can give it its default
 * plans in the same transaction.
 */
@Service
class EquipmentService {

    static final int MAX_LABELS = 2400;

    private final EquipmentRepository equipment;
    private final RegistryLookup registry;
    private final Outbox outbox;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    EquipmentService(
            EquipmentRepository equipment,
            RegistryLookup registry,
            Outbox outbox,
            ApplicationEventPublisher events,
            Clock clock) {
        this.equipment = equipment;
        this.registry = registry;
        this.outbox = outbox;
        this.events = events;
        this.clock = clock;
    }

    /** Filters of the ledger; a null one does not restrict. {@code warrantyBefore} is inclusive. */
    record Filter(
            @Nullable UUID projectId,
            @Nullable UUID buildingId,
            @Nullable EquipmentCategory category,
            @Nullable EquipmentStatus status,
            @Nullable LocalDate warrantyBefore) {}

    /** A body naming a project or building out of reach is 422, the same as one that does not exist. */
    @Transactional
    Equipment register(UUID projectId, Equipment.Details details, DataScope scope) {
        return register(UUID.randomUUID(), projectId, details, scope);
    }

    /** The same with an id of the caller's choosing: the demo seed's name-based ones. */
    @Transactional
    Equipment register(UUID id, UUID projectId, Equipment.Details details, DataScope scope) {
        if (!scope.coversProject(projectId) || !registry.projectExists(projectId)) {
            throw new BusinessRuleViolation(
                    EquipmentCodes.PROJECT_NOT_FOUND, HttpStatus.UNPROCESSABLE_CONTENT, "No such project");
        }
        requireBuildingOf(projectId, details.buildingId());
        if (details.code() != null
                && equipment.existsByProjectIdAndCode(projectId, details.code().strip())) {
            throw codeTaken();
        }
        Equipment item =
                equipment.saveAndFlush(Equipment.register(id, TenantContext.require(), projectId, details, now()));
        changed(EquipmentChangedV1.CREATED, item);
        Equipment.Details d = item.details();
        events.publishEvent(new EquipmentRegistered(
                item.id(), item.projectId(), d.category(), d.name(), d.maintenanceCycleDays(), item.createdAt()));
        return item;
    }

    @Transactional(readOnly = true)
    Page<Equipment> list(Filter filter, Pageable pageable, DataScope scope) {
        Specification<Equipment> query = RegistryQueries.<Equipment>inScope(scope, "projectId")
                .and(RegistryQueries.equal("projectId", filter.projectId()))
                .and(RegistryQueries.equal("buildingId", filter.buildingId()))
                .and(RegistryQueries.equal("category", filter.category()))
                .and(RegistryQueries.equal("status", filter.status()))
                .and(warrantyEndsBy(filter.warrantyBefore()));
        return equipment.findAll(query, pageable);
    }

    @Transactional(readOnly = true)
    Equipment get(UUID id, DataScope scope) {
        return equipment
                .findById(id)
                .filter(item -> scope.coversProject(item.projectId()))
                .orElseThrow(() -> new NotFoundException("Equipment", id));
    }

    /**
     * The item a scanned label names. An unknown code, another tenant's and another project's all answer
     * the same 404, so scanning tells nothing about items out of reach.
     */
    @Transactional(readOnly = true)
    Equipment byCode(String code, DataScope scope) {
        return equipment
                .findByQrCode(code)
                .filter(item -> scope.coversProject(item.projectId()))
                .orElseThrow(() -> new NotFoundException("Equipment", code));
    }

    /**
     * The labels of a project's items (optionally one building's or category's), by name; at most {@link
     * #MAX_LABELS}, a sheet's worth of pages a printer takes in one go. A project out of scope is 404.
     */
    @Transactional(readOnly = true)
    List<EquipmentLabels.Label> labels(
            UUID projectId, @Nullable UUID buildingId, @Nullable EquipmentCategory category, DataScope scope) {
        if (!scope.coversProject(projectId) || !registry.projectExists(projectId)) {
            throw new NotFoundException("Project", projectId);
        }
        Specification<Equipment> query = RegistryQueries.<Equipment>equal("projectId", projectId)
                .and(RegistryQueries.equal("buildingId", buildingId))
                .and(RegistryQueries.equal("category", category));
        return equipment
                .findAll(query, PageRequest.of(0, MAX_LABELS, Sort.by("name", "id")))
                .map(EquipmentLabels.Label::of)
                .getContent();
    }

    @Transactional
    Equipment change(UUID id, UnaryOperator<Equipment.Details> change, DataScope scope) {
        Equipment item = get(id, scope);
        Equipment.Details details = change.apply(item.details());
        requireBuildingOf(item.projectId(), details.buildingId());
        if (details.code() != null
                && equipment.existsByProjectIdAndCodeAndIdNot(
                        item.projectId(), details.code().strip(), id)) {
            throw codeTaken();
        }
        item.apply(details, now());
        equipment.saveAndFlush(item);
        changed(EquipmentChangedV1.UPDATED, item);
        return item;
    }

    /** Its maintenance plans go with it (the database cascades); announced occurrences stay recorded. */
    @Transactional
    void delete(UUID id, DataScope scope) {
        Equipment item = get(id, scope);
        equipment.delete(item);
        equipment.flush();
        changed(EquipmentChangedV1.DELETED, item);
    }

    private void requireBuildingOf(UUID projectId, @Nullable UUID buildingId) {
        if (buildingId != null
                && !registry.projectOfBuilding(buildingId)
                        .map(projectId::equals)
                        .orElse(false)) {
            throw new BusinessRuleViolation(
                    EquipmentCodes.BUILDING_NOT_FOUND,
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "No such building in the equipment's project");
        }
    }

    private static BusinessRuleViolation codeTaken() {
        return new BusinessRuleViolation(EquipmentCodes.CODE_TAKEN, "The project has an item with this code");
    }

    private static Specification<Equipment> warrantyEndsBy(@Nullable LocalDate date) {
        return (root, query, cb) ->
                date == null ? cb.conjunction() : cb.lessThanOrEqualTo(root.get("warrantyEnd"), date);
    }

    private void changed(String type, Equipment item) {
        outbox.append(type, item.id(), item.projectId(), EquipmentChangedV1.of(item), EquipmentChangedV1.VERSION);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
