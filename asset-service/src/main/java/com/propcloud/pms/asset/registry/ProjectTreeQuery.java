package com.propcloud.pms.asset.registry;

import com.propcloud.pms.asset.registry.ProjectTree.BuildingNode;
import com.propcloud.pms.asset.registry.ProjectTree.FloorNode;
import com.propcloud.pms.asset.registry.ProjectTree.UnitNode;
import com.propcloud.pms.common.tenant.TenantContext;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds a project's tree from two queries, buildings and then all of the project's units, whatever
 * its size: no query per building or floor. Plain JDBC, since ten thousand entities would cost far
 * more than the rows they are built from.
 */
@Component
class ProjectTreeQuery {

    private static final String PROJECT_EXISTS = "select exists (select 1 from project where tenant_id = ? and id = ?)";

    // codes and numbers sort naturally where they are digits: 2 before 10
    private static final String BUILDINGS = """
            select id, code, name from building where tenant_id = ? and project_id = ?
            order by length(code), code""";

    private static final String UNITS = """
            select id, building_id, number, floor, status, gross_area from unit
            where tenant_id = ? and project_id = ?
            order by building_id, floor, length(number), number""";

    private final JdbcTemplate jdbc;

    ProjectTreeQuery(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** The tree, or empty when the tenant has no such project. One snapshot for both queries. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Optional<ProjectTree> load(UUID projectId) {
        UUID tenant = TenantContext.require();
        if (!Boolean.TRUE.equals(jdbc.queryForObject(PROJECT_EXISTS, Boolean.class, tenant, projectId))) {
            return Optional.empty();
        }
        Map<UUID, BuildingRow> buildings = new LinkedHashMap<>();
        jdbc.query(
                BUILDINGS,
                rs -> {
                    UUID id = rs.getObject("id", UUID.class);
                    buildings.put(id, new BuildingRow(id, rs.getString("code"), rs.getString("name")));
                },
                tenant,
                projectId);
        jdbc.query(
                UNITS,
                rs -> {
                    BuildingRow building = buildings.get(rs.getObject("building_id", UUID.class));
                    UnitStatus status = UnitStatus.valueOf(rs.getString("status"));
                    building.floors
                            .computeIfAbsent(rs.getInt("floor"), floor -> new ArrayList<>())
                            .add(new UnitNode(
                                    rs.getObject("id", UUID.class),
                                    rs.getString("number"),
                                    status,
                                    rs.getBigDecimal("gross_area")));
                    building.counts.merge(status, 1L, Long::sum);
                },
                tenant,
                projectId);

        Map<UnitStatus, Long> total = zeroCounts();
        List<BuildingNode> nodes = new ArrayList<>(buildings.size());
        for (BuildingRow row : buildings.values()) {
            row.counts.forEach((status, n) -> total.merge(status, n, Long::sum));
            List<FloorNode> floors = new ArrayList<>(row.floors.size());
            row.floors.forEach((floor, units) -> floors.add(new FloorNode(floor, List.copyOf(units))));
            nodes.add(new BuildingNode(row.id, row.code, row.name, row.counts, floors));
        }
        return Optional.of(new ProjectTree(projectId, total, nodes));
    }

    private static Map<UnitStatus, Long> zeroCounts() {
        Map<UnitStatus, Long> counts = new EnumMap<>(UnitStatus.class);
        for (UnitStatus status : UnitStatus.values()) {
            counts.put(status, 0L);
        }
        return counts;
    }

    /** A building while its units are read; floors kept sorted, lowest first. */
    private static final class BuildingRow {
        final UUID id;
        final String code;
        final String name;
        final Map<UnitStatus, Long> counts = zeroCounts();
        final TreeMap<Integer, List<UnitNode>> floors = new TreeMap<>();

        BuildingRow(UUID id, String code, String name) {
            this.id = id;
            this.code = code;
            this.name = name;
        }
    }
}
