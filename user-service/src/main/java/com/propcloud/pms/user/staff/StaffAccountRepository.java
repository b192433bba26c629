package com.propcloud.pms.user.staff;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.ListCrudRepository;

/**
 * Every query names the tenant although row-level security filters by it too: a second lock on the
 * same door, and the tenant leads the indexes.
 */
interface StaffAccountRepository extends ListCrudRepository<StaffAccount, UUID> {

    @Query("select s from StaffAccount s where s.tenantId = :tenantId and lower(s.username) = lower(:username)")
    Optional<StaffAccount> findByUsername(UUID tenantId, String username);

    Optional<StaffAccount> findByIdAndTenantId(UUID id, UUID tenantId);
}
