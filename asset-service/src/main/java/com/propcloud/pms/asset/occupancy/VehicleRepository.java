package com.propcloud.pms.asset.occupancy;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

/** Vehicles of the current tenant. */
interface VehicleRepository extends JpaRepository<Vehicle, UUID> {

    Page<Vehicle> findByUnitId(UUID unitId, Pageable pageable);

    Optional<Vehicle> findByIdAndUnitId(UUID id, UUID unitId);

    boolean existsByPlate(String plate);
}
