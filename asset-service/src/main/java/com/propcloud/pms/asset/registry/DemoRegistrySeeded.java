package com.propcloud.pms.asset.registry;

import com.propcloud.pms.common.security.DataScope;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Published in-process by the demo registry seed ({@code pms.seed.demo}) once a demo tenant's projects,
 * buildings and units exist: on the run that creates them and on every later run (each start), so the
 * features' own demo seeds (equipment, maintenance, patrol, parking) add what they lack, and a failed
 * one is retried with the registry seed. Listeners run on the seed's background thread, synchronously.
 *
 * <p>The ids are the registry seed's name-based ones, so the feature seeds name projects, buildings and
 * units without asking.
 *
 * @param tenantCode {@code demo} or {@code acme}
 * @param projectCodes the tenant's demo projects ({@code EMERALD-LAKE}, {@code HUIJIN-TOWER}; {@code
 *     PINE-COURT})
 */
public record DemoRegistrySeeded(UUID tenantId, String tenantCode, List<String> projectCodes) {

    /** The scope the demo seeds act in: the whole tenant, as its HQ admin would. */
    public static final DataScope SCOPE = new DataScope(
            UUID.nameUUIDFromBytes("pms-demo-seed".getBytes(StandardCharsets.UTF_8)), DataScope.Reach.TENANT, Set.of());

    public DemoRegistrySeeded {
        projectCodes = List.copyOf(projectCodes);
    }

    public UUID projectId(String projectCode) {
        return DemoRegistrySeed.projectId(tenantCode, projectCode);
    }

    /** The registry seed's derivation of a building's id ({@code B01}… or {@code T1}). */
    public UUID buildingId(String projectCode, String buildingCode) {
        return nameId("pms-demo-building:" + tenantCode + ":" + projectCode + ":" + buildingCode);
    }

    public UUID unitId(String projectCode, String buildingCode, String number) {
        return DemoRegistrySeed.unitId(tenantCode, projectCode, buildingCode, number);
    }

    /** A name-based id of this tenant's demo data, {@code <kind>:<tenant code>:<key>}: the same every run. */
    public UUID id(String kind, String key) {
        return nameId(kind + ":" + tenantCode + ":" + key);
    }

    private static UUID nameId(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
