package com.propcloud.pms.asset.registry;

import com.propcloud.pms.common.tenant.TenantContext;
import java.util.Optional;
import java.util.UUID;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.ByteArrayCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Project trees in Redis, per tenant and project. Each project has a generation counter, and a tree is
 * stored under the generation read before it was built; a change bumps the generation after its
 * commit. So a tree built while a change commits lands under a generation nobody asks for any more and
 * can never be served stale, and invalidation needs no delete. Redis trouble never fails a request: the
 * tree is then read from the database. A tree is kept as its JSON response body, served as it is: a
 * 10,000-unit tree is about 900 KiB, and reading it back into objects to write it out again cost more than
 * the cache saved.
 */
@Component
class ProjectTreeCache {

    private static final Logger log = LoggerFactory.getLogger(ProjectTreeCache.class);

    private final RedissonClient redis;
    private final TreeCacheProperties properties;

    ProjectTreeCache(RedissonClient redis, TreeCacheProperties properties) {
        this.redis = redis;
        this.properties = properties;
    }

    /** The current generation of a project's tree; -1 when Redis cannot say (nothing is cached then). */
    long generation(UUID tenant, UUID project) {
        try {
            return redis.getAtomicLong(generationKey(tenant, project)).get();
        } catch (RuntimeException e) {
            log.warn("Project tree cache unavailable: {}", e.toString());
            return -1;
        }
    }

    /** The tree's JSON body under this generation, if cached. */
    Optional<byte[]> get(UUID tenant, UUID project, long generation) {
        if (generation < 0) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(
                    redis.<byte[]>getBucket(treeKey(tenant, project, generation), ByteArrayCodec.INSTANCE)
                            .get());
        } catch (RuntimeException e) {
            log.warn("Project tree cache unavailable: {}", e.toString());
            return Optional.empty();
        }
    }

    void put(UUID tenant, UUID project, long generation, byte[] treeJson) {
        if (generation < 0) {
            return;
        }
        try {
            redis.<byte[]>getBucket(treeKey(tenant, project, generation), ByteArrayCodec.INSTANCE)
                    .set(treeJson, properties.ttl());
        } catch (RuntimeException e) {
            log.warn("Project tree cache unavailable: {}", e.toString());
        }
    }

    /**
     * Invalidates the project's tree once the current transaction commits: before, a reader could cache
     * the old tree again; a rollback changes nothing.
     */
    void invalidateAfterCommit(UUID project) {
        UUID tenant = TenantContext.require();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                invalidate(tenant, project);
            }
        });
    }

    void invalidate(UUID tenant, UUID project) {
        try {
            redis.getAtomicLong(generationKey(tenant, project)).incrementAndGet();
        } catch (RuntimeException e) {
            // the tree may stay stale until its time to live ends
            log.error("Could not invalidate the tree of project {} of tenant {}", project, tenant, e);
        }
    }

    private static String generationKey(UUID tenant, UUID project) {
        return "asset:tree:" + tenant + ":" + project + ":generation";
    }

    private static String treeKey(UUID tenant, UUID project, long generation) {
        return "asset:tree:" + tenant + ":" + project + ":" + generation;
    }
}
