package com.propcloud.pms.asset.occupancy;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

/** Occupancies of the current tenant; row-level security hides every other tenant's. */
interface OccupancyRepository extends JpaRepository<Occupancy, UUID>, JpaSpecificationExecutor<Occupancy> {

    Page<Occupancy> findByUnitId(UUID unitId, Pageable pageable);

    Page<Occupancy> findByUnitIdAndMoveOutIsNull(UUID unitId, Pageable pageable);

    Page<Occupancy> findByUnitIdAndMoveOutIsNotNull(UUID unitId, Pageable pageable);

    Optional<Occupancy> findByIdAndUnitId(UUID id, UUID unitId);

    @Query("select o from Occupancy o where o.unitId = :unitId and o.primaryPayer = true and o.moveOut is null")
    Optional<Occupancy> findCurrentPrimaryPayer(UUID unitId);

    boolean existsByUnitIdAndPersonIdAndMoveOutIsNull(UUID unitId, UUID personId);

    Page<Occupancy> findByPersonIdAndMoveOutIsNull(UUID personId, Pageable pageable);

    Optional<Occupancy> findFirstByUnitIdAndPersonIdAndMoveOutIsNull(UUID unitId, UUID personId);

    List<Occupancy> findByUnitIdInAndMoveOutIsNull(Collection<UUID> unitIds);
}
