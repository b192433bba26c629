package com.propcloud.pms.asset.renovation;

import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/** Renovation filings of the current tenant; row-level security hides every other tenant's. */
interface RenovationRepository extends JpaRepository<Renovation, UUID>, JpaSpecificationExecutor<Renovation> {

    Page<Renovation> findByUnitId(UUID unitId, Pageable pageable);
}
