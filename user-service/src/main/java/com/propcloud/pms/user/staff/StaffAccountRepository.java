package com.propcloud.pms.user.staff;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * Every query names the tenant although row-level security filters by it too: a second lock on the
 * same door, and the tenant leads the indexes. Deleted accounts are history: no query but none finds
 * them.
 */
interface StaffAccountRepository extends JpaRepository<StaffAccount, UUID> {

    @Query("select s from StaffAccount s where s.tenantId = :tenantId and lower(s.username) = lower(:username)"
            + " and s.status <> com.propcloud.pms.user.staff.StaffStatus.DELETED")
    Optional<StaffAccount> findByUsername(UUID tenantId, String username);

    @Query("select s from StaffAccount s where s.id = :id and s.tenantId = :tenantId"
            + " and s.status <> com.propcloud.pms.user.staff.StaffStatus.DELETED")
    Optional<StaffAccount> findByIdAndTenantId(UUID id, UUID tenantId);

    /** The tenant's staff (never operators), each filter applying only when given. */
    @Query(
            value = "select * from staff_account s where s.tenant_id = :tenantId and s.kind = 'STAFF'"
                    + " and s.status <> 'DELETED'"
                    + " and (cast(:role as text) is null or cast(:role as text) = any(s.roles))"
                    + " and (cast(:status as text) is null or s.status = cast(:status as text))"
                    + " and (cast(:skill as text) is null or cast(:skill as text) = any(s.skills))",
            countQuery = "select count(*) from staff_account s where s.tenant_id = :tenantId and s.kind = 'STAFF'"
                    + " and s.status <> 'DELETED'"
                    + " and (cast(:role as text) is null or cast(:role as text) = any(s.roles))"
                    + " and (cast(:status as text) is null or s.status = cast(:status as text))"
                    + " and (cast(:skill as text) is null or cast(:skill as text) = any(s.skills))",
            nativeQuery = true)
    Page<StaffAccount> search(
            @Param("tenantId") UUID tenantId,
            @Param("role") String role,
            @Param("status") String status,
            @Param("skill") String skill,
            Pageable pageable);

    /** Active HQ admins of the tenant other than {@code except}: is someone left to administer it? */
    @Query(
            value = "select count(*) from staff_account s where s.tenant_id = :tenantId and s.status = 'ACTIVE'"
                    + " and 'HQ_ADMIN' = any(s.roles) and s.id <> :except",
            nativeQuery = true)
    long countOtherActiveAdmins(@Param("tenantId") UUID tenantId, @Param("except") UUID except);

    /**
     * Serialises changes to one tenant's staff until the transaction ends, so that two admins demoting
     * each other at once cannot leave the tenant without an admin.
     */
    @Query(value = "select 1 from pg_advisory_xact_lock(:key)", nativeQuery = true)
    Integer lockTenantStaff(@Param("key") long key);
}
