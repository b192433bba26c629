package com.propcloud.pms.asset.parking;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/** Parking spaces of the current tenant; row-level security hides every other tenant's. */
interface ParkingSpaceRepository extends JpaRepository<ParkingSpace, UUID>, JpaSpecificationExecutor<ParkingSpace> {

    boolean existsByProjectIdAndZoneAndNumber(UUID projectId, String zone, String number);

    boolean existsByProjectIdAndZoneAndNumberAndIdNot(UUID projectId, String zone, String number, UUID id);
}
