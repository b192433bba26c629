package com.propcloud.pms.asset.registry;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other features of asset-service (equipment, plans, routes) may ask the registry: whether a
 * project or building exists for the current tenant, without reaching into its entities. Scope is the
 * caller's to apply.
 */
@Component
public class RegistryLookup {

    private final ProjectRepository projects;
    private final BuildingRepository buildings;

    RegistryLookup(ProjectRepository projects, BuildingRepository buildings) {
        this.projects = projects;
        this.buildings = buildings;
    }

    @Transactional(readOnly = true)
    public boolean projectExists(UUID projectId) {
        return projects.existsById(projectId);
    }

    /** A project's buildings by code, for sheets that name a building by its code; ids and codes only. */
    @Transactional(readOnly = true)
    public Map<String, UUID> buildingsByCode(UUID projectId) {
        return buildings.findCodesByProjectId(projectId).stream()
                .collect(Collectors.toMap(BuildingRepository.CodeView::getCode, BuildingRepository.CodeView::getId));
    }

    /** The project of the building, if the building exists. */
    @Transactional(readOnly = true)
    public Optional<UUID> projectOfBuilding(UUID buildingId) {
        return buildings.findById(buildingId).map(Building::projectId);
    }
}
