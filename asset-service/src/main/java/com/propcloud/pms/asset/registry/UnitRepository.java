package com.propcloud.pms.asset.registry;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

/** Units of the current tenant; row-level security hides every other tenant's. */
interface UnitRepository extends JpaRepository<Unit, UUID>, JpaSpecificationExecutor<Unit> {

    boolean existsByBuildingIdAndNumber(UUID buildingId, String number);

    List<Unit> findByProjectId(UUID projectId);

    boolean existsByBuildingIdAndNumberAndIdNot(UUID buildingId, String number, UUID id);

    boolean existsByBuildingId(UUID buildingId);

    /** A unit's id and natural key, read without loading (and managing) the entities. */
    interface KeyView {
        UUID getId();

        String getBuildingCode();

        String getNumber();
    }

    @Query("select u.id as id, b.code as buildingCode, u.number as number from Unit u join Building b"
            + " on b.id = u.buildingId where u.projectId = :projectId")
    List<KeyView> findKeysByProjectId(UUID projectId);
}
