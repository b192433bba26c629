package com.propcloud.pms.asset.registry;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the other feature packages of asset-service (occupancy, parking, renovation) need to know of the
 * registry, without reaching into its entities: a unit with the names of its building and project. No
 * scope is applied here; callers check the returned project against their caller's {@code DataScope}.
 */
@Service
public class RegistryDirectory {

    /** A unit as other features show it. */
    public record UnitSummary(
            UUID id,
            UUID projectId,
            String projectName,
            UUID buildingId,
            String buildingName,
            String number,
            int floor,
            UnitStatus status) {}

    /**
     * A unit's natural key within its project, as sheets name it: its building's code and its number
     * (both as stored, stripped).
     */
    public record UnitKey(String buildingCode, String number) {}

    private final UnitRepository units;
    private final BuildingRepository buildings;
    private final ProjectRepository projects;

    RegistryDirectory(UnitRepository units, BuildingRepository buildings, ProjectRepository projects) {
        this.units = units;
        this.buildings = buildings;
        this.projects = projects;
    }

    @Transactional(readOnly = true)
    public Optional<UnitSummary> unit(UUID unitId) {
        return units(List.of(unitId)).values().stream().findFirst();
    }

    /** The units of these ids that exist in the current tenant, by id; three queries whatever the count. */
    @Transactional(readOnly = true)
    public Map<UUID, UnitSummary> units(Collection<UUID> unitIds) {
        List<Unit> found = units.findAllById(new HashSet<>(unitIds));
        Set<UUID> buildingIds = found.stream().map(Unit::buildingId).collect(Collectors.toSet());
        Set<UUID> projectIds = found.stream().map(Unit::projectId).collect(Collectors.toSet());
        Map<UUID, Building> buildingById = buildings.findAllById(buildingIds).stream()
                .collect(Collectors.toMap(Building::id, Function.identity()));
        Map<UUID, Project> projectById =
                projects.findAllById(projectIds).stream().collect(Collectors.toMap(Project::id, Function.identity()));
        return found.stream().collect(Collectors.toMap(Unit::id, unit -> {
            Unit.Details d = unit.details();
            return new UnitSummary(
                    unit.id(),
                    unit.projectId(),
                    projectById.get(unit.projectId()).details().name(),
                    unit.buildingId(),
                    buildingById.get(unit.buildingId()).details().name(),
                    d.number(),
                    d.floor(),
                    d.status());
        }));
    }

    /** A project's units in walking order: by building code, then floor, then number. */
    @Transactional(readOnly = true)
    public List<UnitSummary> unitsOfProject(UUID projectId) {
        List<Unit> found = units.findByProjectId(projectId);
        Map<UUID, String> buildingCodes =
                buildings.findAllById(found.stream().map(Unit::buildingId).collect(Collectors.toSet())).stream()
                        .collect(Collectors.toMap(
                                Building::id, building -> building.details().code()));
        return units(found.stream().map(Unit::id).toList()).values().stream()
                .sorted(Comparator.comparing((UnitSummary unit) -> buildingCodes.get(unit.buildingId()))
                        .thenComparingInt(UnitSummary::floor)
                        .thenComparing(UnitSummary::number))
                .toList();
    }

    /**
     * A project's units by natural key, for sheets that name a unit by building code and number; one
     * query of ids and keys, no entities.
     */
    @Transactional(readOnly = true)
    public Map<UnitKey, UUID> unitsByKey(UUID projectId) {
        return units.findKeysByProjectId(projectId).stream()
                .collect(Collectors.toMap(
                        unit -> new UnitKey(unit.getBuildingCode(), unit.getNumber()), UnitRepository.KeyView::getId));
    }

    @Transactional(readOnly = true)
    public boolean projectExists(UUID projectId) {
        return projects.existsById(projectId);
    }
}
