package com.propcloud.pms.asset.registry;

import com.propcloud.pms.common.messaging.outbox.Outbox;
import com.propcloud.pms.common.tenant.TenantContext;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Unit statuses that another feature derives (occupancy's status follower), written for many units at
 * once and announced as {@link UnitService} announces a change: an {@code asset.unit.updated} event per
 * changed unit, with its whole state, and the project's tree invalidated after the commit. The registry
 * stays the only writer of its units; the deriving feature only says which status each unit should have.
 */
@Component
public class UnitStatuses {

    // one statement for any number of units; a unit already in its status is left alone (no event)
    private static final String APPLY = """
            update unit u set status = s.status, version = u.version + 1, updated_at = ?
            from unnest(?::uuid[], ?::text[]) as s (id, status)
            where u.tenant_id = ? and u.project_id = ? and u.id = s.id and u.status <> s.status
            returning u.id, u.building_id, u.number, u.floor, u.entrance, u.type, u.gross_area, u.inner_area,
                      u.status, u.handover_date""";

    private final JdbcTemplate jdbc;
    private final ProjectTreeCache trees;
    private final Outbox outbox;
    private final Clock clock;

    UnitStatuses(JdbcTemplate jdbc, ProjectTreeCache trees, Outbox outbox, Clock clock) {
        this.jdbc = jdbc;
        this.trees = trees;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Sets each unit of the project to its status, in the caller's transaction (units of another project
     * or tenant are not touched).
     *
     * @return the ids of the units whose status changed, each announced
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<UUID> apply(UUID projectId, Map<UUID, UnitStatus> statuses) {
        if (statuses.isEmpty()) {
            return List.of();
        }
        UUID tenant = TenantContext.require();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        UUID[] ids = statuses.keySet().toArray(UUID[]::new);
        String[] names = new String[ids.length];
        for (int i = 0; i < ids.length; i++) {
            names[i] = statuses.get(ids[i]).name();
        }
        List<Outbox.Event> events = new ArrayList<>();
        jdbc.query(
                connection -> {
                    var statement = connection.prepareStatement(APPLY);
                    statement.setTimestamp(1, Timestamp.from(now));
                    statement.setArray(2, connection.createArrayOf("uuid", ids));
                    statement.setArray(3, connection.createArrayOf("text", names));
                    statement.setObject(4, tenant);
                    statement.setObject(5, projectId);
                    return statement;
                },
                rs -> {
                    UUID id = rs.getObject("id", UUID.class);
                    Date handover = rs.getDate("handover_date");
                    UnitChangedV1 payload = new UnitChangedV1(
                            id,
                            projectId,
                            rs.getObject("building_id", UUID.class),
                            rs.getString("number"),
                            rs.getInt("floor"),
                            rs.getString("entrance"),
                            UnitType.valueOf(rs.getString("type")),
                            UnitStatus.valueOf(rs.getString("status")),
                            rs.getBigDecimal("gross_area"),
                            rs.getBigDecimal("inner_area"),
                            handover == null ? null : handover.toLocalDate(),
                            now);
                    events.add(new Outbox.Event(UnitChangedV1.UPDATED, id, projectId, payload, UnitChangedV1.VERSION));
                });
        if (!events.isEmpty()) {
            outbox.appendAll(events);
            trees.invalidateAfterCommit(projectId);
        }
        return events.stream().map(Outbox.Event::aggregateId).toList();
    }
}
