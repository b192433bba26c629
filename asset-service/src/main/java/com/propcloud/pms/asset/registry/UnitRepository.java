package com.propcloud.pms.asset.registry;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/** Units of the current tenant; row-level security hides every other tenant's. */
interface UnitRepository extends JpaRepository<Unit, UUID>, JpaSpecificationExecutor<Unit> {

    boolean existsByBuildingIdAndNumber(UUID buildingId, String number);

    List<Unit> findByProjectId(UUID projectId);

    boolean existsByBuildingIdAndNumberAndIdNot(UUID buildingId, String number, UUID id);

    boolean existsByBuildingId(UUID buildingId);
}
