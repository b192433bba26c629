package com.propcloud.pms.asset.occupancy;

import com.propcloud.pms.asset.registry.UnitStatus;
import com.propcloud.pms.asset.registry.UnitStatuses;
import com.propcloud.pms.asset.schedule.ScheduleProperties;
import com.propcloud.pms.common.tenant.TenantContext;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps a unit's status in step with who holds it, whenever its stays change: through the API (a stay
 * started or ended) or in bulk (the owners import calls {@link #refresh} in its own transaction).
 *
 * <p>The rule, from the unit's current stays (not moved out):
 *
 * <ul>
 *   <li>a {@code FAMILY} stay: {@code OCCUPIED} (已入住, the owner's household lives there);
 *   <li>else a {@code TENANT} stay: {@code RENTED} (出租) — an owner who lets the home keeps their own
 *       stay (they still pay the property fee), and the tenant is who lives there;
 *   <li>else an {@code OWNER} or {@code CO_OWNER} stay: {@code OCCUPIED};
 *   <li>none: {@code VACANT} (空置);
 *   <li>but a unit that is {@code RENOVATING} stays so while an {@code APPROVED} renovation filing's
 *       period covers today: a buyer linked or a tenant leaving during the works makes the home neither
 *       lived in nor empty, and the front desk and patrols go by 装修中 (workers let in, noise hours).
 * </ul>
 *
 * <p>What a property company expects, and so what this does not do: it never sets {@code RENOVATING}
 * itself, since an approval does not start the works (they start when the site is handed to the
 * contractor, often days later, and the filing's period is only their bound); staff set it by PATCH.
 * A {@code RENOVATING} unit without such a filing (completed, rejected, the period over, or set by hand
 * for works nobody filed, e.g. the developer's before handover) follows its stays at the next change.
 * The follower acts on stay changes only, never on dates passing, so "current" is "not moved out", as
 * everywhere in occupancy (a stay linked ahead of its move-in date counts at once), and a status staff
 * set by hand stands until the unit's stays next change. One case staff still set by hand: a home its
 * owner holds but does not live in (空置, often billed a reduced fee). "Today" is in {@code asset.schedule.zone}, the platform's business time zone.
 *
 * <p>Set-based: one statement derives the status of any number of units, and {@link UnitStatuses} writes
 * and announces those that changed in one more. The units are locked first, in id order, in a statement
 * of their own: two transactions changing the stays of one unit then derive one after the other, and the
 * later one, deriving in a fresh snapshot, sees the earlier one's committed stays as well as its own.
 */
@Component
public class UnitStatusFollower {

    private static final String LOCK = """
            select id from unit where tenant_id = ? and project_id = ? and id = any (?)
            order by id for no key update""";

    private static final String DERIVE = """
            select u.id,
                   case
                       when u.status = 'RENOVATING' and exists (
                               select 1 from renovation r
                               where r.tenant_id = u.tenant_id and r.unit_id = u.id and r.status = 'APPROVED'
                                 and r.starts_on <= ? and r.ends_on >= ?) then 'RENOVATING'
                       else (select case
                                        when bool_or(o.role = 'FAMILY') then 'OCCUPIED'
                                        when bool_or(o.role = 'TENANT') then 'RENTED'
                                        when count(*) > 0 then 'OCCUPIED'
                                        else 'VACANT'
                                    end
                             from occupancy o
                             where o.tenant_id = u.tenant_id and o.unit_id = u.id and o.move_out is null)
                   end as status
            from unit u
            where u.tenant_id = ? and u.project_id = ? and u.id = any (?)""";

    private final JdbcTemplate jdbc;
    private final UnitStatuses statuses;
    private final ScheduleProperties schedule;
    private final Clock clock;

    UnitStatusFollower(JdbcTemplate jdbc, UnitStatuses statuses, ScheduleProperties schedule, Clock clock) {
        this.jdbc = jdbc;
        this.statuses = statuses;
        this.schedule = schedule;
        this.clock = clock;
    }

    /**
     * Derives the status of these units of the project from their stays, in the caller's transaction,
     * and sets it where it differs: each changed unit leaves {@code asset.unit.updated}, and the project's
     * tree is invalidated after the commit. Ids of another project or tenant are ignored.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void refresh(UUID projectId, Collection<UUID> unitIds) {
        if (unitIds.isEmpty()) {
            return;
        }
        UUID tenant = TenantContext.require();
        UUID[] ids = new LinkedHashSet<>(unitIds).toArray(UUID[]::new);
        Date today = Date.valueOf(LocalDate.now(clock.withZone(schedule.zone())));
        jdbc.query(
                connection -> {
                    var statement = connection.prepareStatement(LOCK);
                    statement.setObject(1, tenant);
                    statement.setObject(2, projectId);
                    statement.setArray(3, connection.createArrayOf("uuid", ids));
                    return statement;
                },
                rs -> {});
        Map<UUID, UnitStatus> derived = new HashMap<>();
        jdbc.query(
                connection -> {
                    var statement = connection.prepareStatement(DERIVE);
                    statement.setDate(1, today);
                    statement.setDate(2, today);
                    statement.setObject(3, tenant);
                    statement.setObject(4, projectId);
                    statement.setArray(5, connection.createArrayOf("uuid", ids));
                    return statement;
                },
                rs -> {
                    derived.put(rs.getObject("id", UUID.class), UnitStatus.valueOf(rs.getString("status")));
                });
        statuses.apply(projectId, derived);
    }
}
