package com.propcloud.pms.iot.tenant;

import java.util.Optional;
import java.util.UUID;

/**
 * Resolves the tenant code of a device topic ({@code <root>/{tenantCode}/...}) to the tenant id that
 * row-level security and every store key on. Implementations answer from memory (a read model of
 * user-service's tenants): ingest calls this for every flushed batch. An empty answer means the code
 * is not a tenant (the message is quarantined as {@code unknown-tenant}); an exception means the
 * answer is not known right now, and ingest retries with backoff rather than quarantining good data.
 */
public interface TenantResolver {

    Optional<UUID> tenantIdOf(String code);
}
