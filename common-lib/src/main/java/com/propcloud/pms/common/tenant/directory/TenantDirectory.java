package com.propcloud.pms.common.tenant.directory;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * This service's read model of user-service's tenants: resolves a tenant code (an MQTT topic's) to
 * the tenant, or a tenant id to its time zone. Turned on with {@code pms.tenant-directory.enabled=true},
 * which makes a bean of this type available.
 *
 * <p>Answers from a local table that is bootstrapped from user-service's internal API at start and
 * kept current by the {@code user.tenant.*} events. A key the table does not know makes it fetch the
 * list again, synchronously, before answering empty; such refetches happen at most once per {@code
 * pms.tenant-directory.refetch-interval} (5 s), so a flood of unknown codes costs user-service nothing
 * and the callers within that interval an immediate empty answer. Safe from any thread, with or
 * without a transaction or a tenant in context.
 */
public interface TenantDirectory {

    /**
     * The tenant with this code, compared as user-service does (without case or surrounding blanks).
     * A string that cannot be a tenant code answers empty at once, without a refetch.
     */
    Optional<TenantEntry> findByCode(String code);

    /** The tenant with this id. */
    Optional<TenantEntry> findById(UUID id);

    /**
     * Every tenant the table holds now, by code, for jobs that visit each tenant in turn. No refetch: a
     * tenant not here yet arrives with its event or the bootstrap, and the job's next round meets it.
     */
    List<TenantEntry> all();
}
