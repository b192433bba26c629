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

    /**
     * The living owners among these phone hashes: a batch is matched in one query, not one per entry.
     *
     * <p>Written as one unique-index probe per hash on purpose. The plain {@code phone_hash in (…)} form
     * lets the planner pick any index that leads with {@code tenant_id} whenever the table's statistics
     * lag behind a bulk load (a tenant's first import, or autovacuum off), and then compares every one of
     * the tenant's rows with every hash: a 50,000-person import became quadratic. A lateral probe per
     * hash matches both columns of the unique index, which no statistics make look worse.
     */
    String MATCH_BY_PHONE_HASHES = """
            select o.* from unnest(cast(:phoneHashes as text[])) as wanted(phone_hash)
            cross join lateral (
                select * from owner_account a
                where a.tenant_id = :tenantId and a.phone_hash = wanted.phone_hash and a.status <> 'DELETED'
                limit 1) o""";

    @Query(value = MATCH_BY_PHONE_HASHES, nativeQuery = true)
    List<OwnerAccount> findByPhoneHashes(@Param("tenantId") UUID tenantId, @Param("phoneHashes") String[] phoneHashes);

    default List<OwnerAccount> findByPhoneHashes(UUID tenantId, Collection<String> phoneHashes) {
        return phoneHashes.isEmpty() ? List.of() : findByPhoneHashes(tenantId, phoneHashes.toArray(String[]::new));
    }

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
