package com.propcloud.pms.asset.patrol;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

/** Patrol routes of the current tenant; row-level security hides every other tenant's. */
interface PatrolRouteRepository extends JpaRepository<PatrolRoute, UUID>, JpaSpecificationExecutor<PatrolRoute> {

    boolean existsByProjectIdAndName(UUID projectId, String name);

    boolean existsByProjectIdAndNameAndIdNot(UUID projectId, String name, UUID id);

    /** Whether another route (or, with a random id, any route) already uses one of these codes. */
    @Query(
            value = "select exists (select 1 from patrol_checkpoint where code in (:codes) and route_id <> :routeId)",
            nativeQuery = true)
    boolean anyCodeTakenElsewhere(Collection<String> codes, UUID routeId);

    /** Active routes whose next occurrence lies within their lead time of {@code now}, by id after {@code after}. */
    @Query(value = """
                    select * from patrol_route
                    where active and next_due_at - lead_seconds * interval '1 second' <= :now and id > :after
                    order by id limit :limit""", nativeQuery = true)
    List<PatrolRoute> findDue(Instant now, UUID after, int limit);
}
