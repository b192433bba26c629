package com.propcloud.pms.asset.registry;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** Regions of the current tenant; row-level security hides every other tenant's. */
interface RegionRepository extends JpaRepository<Region, UUID> {

    boolean existsByName(String name);

    boolean existsByNameAndIdNot(String name, UUID id);
}
