package com.propcloud.pms.asset.registry;

import com.propcloud.pms.common.tenant.TenantContext;
import java.util.Optional;
import java.util.UUID;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.ObjectMapper;

/**
 * Project trees in Redis, per tenant and project. Each project has a generation counter, and a tree is
 * stored under the generation read before it was built; a change bumps the generation after its
 * commit. So a tree built while a change commits lands under a generation nobody asks for any more and
 * can never be served stale, and invalidation needs no delete. Redis trouble never fails a request: the
 * tree is then read from the database.
 */
@Component
class ProjectTreeCache {

    private static final Logger log = LoggerFactory.getLogger(ProjectTreeCache.class);

    private final RedissonClient redis;
    private final ObjectMapper json;
    private final TreeCacheProperties properties;

    ProjectTreeCache(RedissonClient redis, ObjectMapper json, TreeCacheProperties properties) {
        this.redis = redis;
        this.json = json;
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

    Optional<ProjectTree> get(UUID tenant, UUID project, long generation) {
        if (generation < 0) {
            return Optional.empty();
        }
        try {
            String cached = redis.<String>getBucket(treeKey(tenant, project, generation), StringCodec.INSTANCE)
                    .get();
            return cached == null ? Optional.empty() : Optional.of(json.readValue(cached, ProjectTree.class));
        } catch (RuntimeException e) {
            log.warn("Project tree cache unavailable: {}", e.toString());
            return Optional.empty();
        }
    }

    void put(UUID tenant, UUID project, long generation, ProjectTree tree) {
        if (generation < 0) {
            return;
        }
        try {
            redis.<String>getBucket(treeKey(tenant, project, generation), StringCodec.INSTANCE)
                    .set(json.writeValueAsString(tree), properties.ttl());
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
