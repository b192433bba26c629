package com.propcloud.pms.asset.registry;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

/** Buildings of the current tenant; row-level security hides every other tenant's. */
interface BuildingRepository extends JpaRepository<Building, UUID>, JpaSpecificationExecutor<Building> {

    boolean existsByProjectIdAndCode(UUID projectId, String code);

    boolean existsByProjectIdAndCodeAndIdNot(UUID projectId, String code, UUID id);

    boolean existsByProjectId(UUID projectId);

    /** A building's id and code, read without loading (and managing) the entity. */
    interface CodeView {
        UUID getId();

        String getCode();
    }

    @Query("select b.id as id, b.code as code from Building b where b.projectId = :projectId")
    List<CodeView> findCodesByProjectId(UUID projectId);
}
