package com.propcloud.pms.asset.registry;

import com.propcloud.pms.common.problem.NotFoundException;
import com.propcloud.pms.common.security.DataScope;
import com.propcloud.pms.common.tenant.TenantContext;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import tools.jackson.databind.ObjectMapper;

/**
 * A project's tree for staff in scope, as its JSON body, from the cache when it holds the current one. A
 * hit needs no database and no serialisation: the scope check is on the token, and the key carries the
 * tenant.
 */
@Service
class ProjectTreeService {

    private final ProjectTreeQuery query;
    private final ProjectTreeCache cache;
    private final ObjectMapper json;

    ProjectTreeService(ProjectTreeQuery query, ProjectTreeCache cache, ObjectMapper json) {
        this.query = query;
        this.cache = cache;
        this.json = json;
    }

    byte[] tree(UUID projectId, DataScope scope) {
        if (!scope.coversProject(projectId)) {
            throw new NotFoundException("Project", projectId);
        }
        UUID tenant = TenantContext.require();
        long generation = cache.generation(tenant, projectId);
        Optional<byte[]> cached = cache.get(tenant, projectId, generation);
        if (cached.isPresent()) {
            return cached.get();
        }
        ProjectTree tree = query.load(projectId).orElseThrow(() -> new NotFoundException("Project", projectId));
        byte[] body = json.writeValueAsBytes(tree);
        cache.put(tenant, projectId, generation, body);
        return body;
    }
}
