package com.propcloud.pms.asset.maintenance;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

/** Maintenance plans of the current tenant; row-level security hides every other tenant's. */
interface MaintenancePlanRepository
        extends JpaRepository<MaintenancePlan, UUID>, JpaSpecificationExecutor<MaintenancePlan> {

    /** Active plans whose next occurrence lies within their lead time of {@code now}, by id after {@code after}. */
    @Query(value = """
                    select * from maintenance_plan
                    where active and next_due_at - lead_seconds * interval '1 second' <= :now and id > :after
                    order by id limit :limit""", nativeQuery = true)
    List<MaintenancePlan> findDue(Instant now, UUID after, int limit);
}
