package com.propcloud.pms.asset.patrol;

import com.propcloud.pms.asset.maintenance.Skill;
import com.propcloud.pms.asset.schedule.Cycle;
import com.propcloud.pms.asset.schedule.CycleKind;
import com.propcloud.pms.asset.schedule.DueAnnouncer;
import com.propcloud.pms.common.problem.BusinessRuleViolation;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * A patrol route (巡检/巡更): ordered checkpoints in a project, a schedule, and who walks it (a skill, a
 * role, or both). Like a maintenance plan it keeps its next due time for the scheduler.
 */
@Entity
@Table(name = "patrol_route")
class PatrolRoute implements DueAnnouncer.Scheduled {

    static final Duration MAX_LEAD = Duration.ofDays(7);

    @Id
    private UUID id;

    @Version
    private Long version;

    private UUID tenantId;
    private UUID projectId;
    private String name;

    @Enumerated(EnumType.STRING)
    private CycleKind cycleKind;

    private @Nullable Integer intervalDays;
    private @Nullable Integer dayOfMonth;
    private @Nullable String cron;
    private @Nullable String timesOfDay;
    private LocalDate startsOn;

    @Enumerated(EnumType.STRING)
    private @Nullable Skill skill;

    private @Nullable String role;
    private long leadSeconds;
    private Instant nextDueAt;
    private boolean active;
    private Instant createdAt;
    private Instant updatedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "patrol_checkpoint", joinColumns = @JoinColumn(name = "route_id"))
    @OrderColumn(name = "position")
    private List<Checkpoint> checkpoints = new ArrayList<>();

    protected PatrolRoute() {} // for JPA

    /** A checkpoint as given: its code and location. */
    record Stop(String code, String location) {}

    record Details(
            String name,
            Cycle cycle,
            List<Stop> checkpoints,
            @Nullable Skill skill,
            @Nullable String role,
            Duration leadTime,
            boolean active) {}

    static PatrolRoute create(UUID tenantId, UUID projectId, Details details, ZoneId zone, Instant now) {
        return create(UUID.randomUUID(), tenantId, projectId, details, zone, now);
    }

    /** With an id of the caller's choosing: the demo seed's name-based ones. */
    static PatrolRoute create(UUID id, UUID tenantId, UUID projectId, Details details, ZoneId zone, Instant now) {
        PatrolRoute route = new PatrolRoute();
        route.id = id;
        route.tenantId = tenantId;
        route.projectId = projectId;
        route.createdAt = now;
        route.apply(details, zone, now);
        return route;
    }

    /** A changed cycle starts afresh from now; otherwise the next due time stays. */
    void apply(Details details, ZoneId zone, Instant now) {
        if (details.skill() == null && (details.role() == null || details.role().isBlank())) {
            throw new BusinessRuleViolation(
                    PatrolCodes.WALKER_MISSING,
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "A route names the skill or the role that walks it");
        }
        if (details.leadTime().isNegative() || details.leadTime().compareTo(MAX_LEAD) > 0) {
            throw new BusinessRuleViolation(
                    PatrolCodes.LEAD_TIME_INVALID,
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "The lead time lies between zero and 7 days");
        }
        boolean rescheduled = nextDueAt == null || !details.cycle().equals(cycle());
        Cycle cycle = details.cycle();
        this.name = details.name().strip();
        this.cycleKind = cycle.kind();
        this.intervalDays = cycle.intervalDays();
        this.dayOfMonth = cycle.dayOfMonth();
        this.cron = cycle.cron();
        this.timesOfDay = cycle.timesOfDay().isEmpty()
                ? null
                : cycle.timesOfDay().stream().map(LocalTime::toString).collect(Collectors.joining(","));
        this.startsOn = cycle.startsOn();
        this.skill = details.skill();
        this.role = details.role();
        this.leadSeconds = details.leadTime().toSeconds();
        this.active = details.active();
        // replaced in place: Hibernate rewrites the collection table from the list
        this.checkpoints.clear();
        details.checkpoints()
                .forEach(stop ->
                        checkpoints.add(new Checkpoint(tenantId, stop.code().strip(), stop.location())));
        if (rescheduled) {
            this.nextDueAt = cycle().firstFrom(now.atZone(zone)).toInstant();
        }
        this.updatedAt = now;
    }

    @Override
    public boolean dueBy(Instant now) {
        return active && !nextDueAt.minusSeconds(leadSeconds).isAfter(now);
    }

    /** Past the occurrence just announced, counted from it. */
    @Override
    public void advance(ZoneId zone) {
        this.nextDueAt = cycle().next(nextDueAt.atZone(zone)).toInstant();
    }

    Cycle cycle() {
        List<LocalTime> times = timesOfDay == null
                ? List.of()
                : Arrays.stream(timesOfDay.split(",")).map(LocalTime::parse).toList();
        return new Cycle(cycleKind, intervalDays, dayOfMonth, cron, times, startsOn);
    }

    Details details() {
        return new Details(
                name,
                cycle(),
                checkpoints.stream().map(c -> new Stop(c.code(), c.location())).toList(),
                skill,
                role,
                Duration.ofSeconds(leadSeconds),
                active);
    }

    @Override
    public UUID id() {
        return id;
    }

    @Override
    public UUID projectId() {
        return projectId;
    }

    @Override
    public Instant nextDueAt() {
        return nextDueAt;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }
}
