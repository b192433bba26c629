package com.propcloud.pms.user.owner;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Every query names the tenant although row-level security filters by it too; deleted rows are history. */
interface OwnerAccountRepository extends JpaRepository<OwnerAccount, UUID> {

    @Query("select o from OwnerAccount o where o.id = :id and o.tenantId = :tenantId"
            + " and o.status <> com.propcloud.pms.user.owner.OwnerStatus.DELETED")
    Optional<OwnerAccount> findLiving(UUID id, UUID tenantId);

    @Query("select o from OwnerAccount o where o.tenantId = :tenantId and o.phoneHash = :phoneHash"
            + " and o.status <> com.propcloud.pms.user.owner.OwnerStatus.DELETED")
    Optional<OwnerAccount> findByPhoneHash(UUID tenantId, String phoneHash);

    /** The living owners among these phone hashes: a batch is matched in one query, not one per entry. */
    @Query("select o from OwnerAccount o where o.tenantId = :tenantId and o.phoneHash in :phoneHashes"
            + " and o.status <> com.propcloud.pms.user.owner.OwnerStatus.DELETED")
    List<OwnerAccount> findByPhoneHashes(UUID tenantId, Collection<String> phoneHashes);

    /**
     * The tenant's people, deleted ones included, whose {@code (updated_at, id)} comes after {@code (since,
     * after)}, oldest change first: one page of the internal listing (keyset, so a page costs the same
     * however far into the list it is).
     */
    @Query(
            value = "select * from owner_account o where o.tenant_id = :tenantId"
                    + " and (o.updated_at, o.id) > (cast(:since as timestamptz), cast(:after as uuid))"
                    + " order by o.updated_at, o.id limit :limit",
            nativeQuery = true)
    List<OwnerAccount> findChangedAfter(
            @Param("tenantId") UUID tenantId,
            @Param("since") Instant since,
            @Param("after") UUID after,
            @Param("limit") int limit);

    /** Owners whose phone or ID number was encrypted under another key than {@code currentPrefix} names. */
    @Query("select o from OwnerAccount o where o.tenantId = :tenantId and (o.phoneCipher not like :currentPrefix"
            + " or (o.idNumberCipher is not null and o.idNumberCipher not like :currentPrefix)) order by o.id")
    List<OwnerAccount> findEncryptedUnderOtherKeys(UUID tenantId, String currentPrefix, Pageable page);

    /** Each filter applies only when given; the name matches anywhere, case-insensitively. */
    @Query(
            value = "select * from owner_account o where o.tenant_id = :tenantId and o.status <> 'DELETED'"
                    + " and (cast(:phoneHash as text) is null or o.phone_hash = cast(:phoneHash as text))"
                    + " and (cast(:name as text) is null"
                    + "      or o.display_name ilike '%' || cast(:name as text) || '%' escape '\\')"
                    + " and (cast(:category as text) is null or o.category = cast(:category as text))"
                    + " and (cast(:status as text) is null or o.status = cast(:status as text))",
            countQuery = "select count(*) from owner_account o where o.tenant_id = :tenantId"
                    + " and o.status <> 'DELETED'"
                    + " and (cast(:phoneHash as text) is null or o.phone_hash = cast(:phoneHash as text))"
                    + " and (cast(:name as text) is null"
                    + "      or o.display_name ilike '%' || cast(:name as text) || '%' escape '\\')"
                    + " and (cast(:category as text) is null or o.category = cast(:category as text))"
                    + " and (cast(:status as text) is null or o.status = cast(:status as text))",
            nativeQuery = true)
    Page<OwnerAccount> search(
            @Param("tenantId") UUID tenantId,
            @Param("phoneHash") String phoneHash,
            @Param("name") String name,
            @Param("category") String category,
            @Param("status") String status,
            Pageable pageable);
}
