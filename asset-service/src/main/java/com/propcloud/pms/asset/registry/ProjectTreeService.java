package com.propcloud.pms.asset.registry;

import com.propcloud.pms.common.problem.NotFoundException;
import com.propcloud.pms.common.security.DataScope;
import com.propcloud.pms.common.tenant.TenantContext;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * A project's tree for staff in scope, from the cache when it holds the current one. A hit needs no
 * database: the scope check is on the token, and the key carries the tenant.
 */
@Service
class ProjectTreeService {

    private final ProjectTreeQuery query;
    private final ProjectTreeCache cache;

    ProjectTreeService(ProjectTreeQuery query, ProjectTreeCache cache) {
        this.query = query;
        this.cache = cache;
    }

    ProjectTree tree(UUID projectId, DataScope scope) {
        if (!scope.coversProject(projectId)) {
            throw new NotFoundException("Project", projectId);
        }
        UUID tenant = TenantContext.require();
        long generation = cache.generation(tenant, projectId);
        Optional<ProjectTree> cached = cache.get(tenant, projectId, generation);
        if (cached.isPresent()) {
            return cached.get();
        }
        ProjectTree tree = query.load(projectId).orElseThrow(() -> new NotFoundException("Project", projectId));
        cache.put(tenant, projectId, generation, tree);
        return tree;
    }
}
