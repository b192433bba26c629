package com.propcloud.pms.asset.maintenance;

import com.propcloud.pms.asset.equipment.EquipmentCategory;
import com.propcloud.pms.asset.schedule.Cycle;
import com.propcloud.pms.asset.schedule.CycleKind;
import com.propcloud.pms.asset.schedule.DueAnnouncer;
import com.propcloud.pms.common.problem.BusinessRuleViolation;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * A maintenance plan: for one item or for a category of items within a project, a cycle, a checklist
 * and the skill that does the work. It keeps its next due time, so the scheduler finds what is due
 * with one indexed query and advances it past each occurrence it announces.
 */
@Entity
@Table(name = "maintenance_plan")
class MaintenancePlan implements DueAnnouncer.Scheduled {

    static final Duration MAX_LEAD = Duration.ofDays(90);

    @Id
    private UUID id;

    @Version
    private Long version;

    private UUID tenantId;
    private UUID projectId;
    private @Nullable UUID equipmentId;

    @Enumerated(EnumType.STRING)
    private @Nullable EquipmentCategory category;

    private String name;

    @Enumerated(EnumType.STRING)
    private CycleKind cycleKind;

    private @Nullable Integer intervalDays;
    private @Nullable Integer dayOfMonth;
    private @Nullable String cron;
    private LocalDate startsOn;

    @JdbcTypeCode(SqlTypes.ARRAY)
    private String[] checklist;

    @Enumerated(EnumType.STRING)
    private Skill skill;

    private long leadSeconds;
    private Instant nextDueAt;
    private boolean active;
    private Instant createdAt;
    private Instant updatedAt;

    protected MaintenancePlan() {} // for JPA

    record Details(String name, Cycle cycle, List<String> checklist, Skill skill, Duration leadTime, boolean active) {}

    /** Exactly one of {@code equipmentId} and {@code category}, checked by the service. */
    static MaintenancePlan create(
            UUID tenantId,
            UUID projectId,
            @Nullable UUID equipmentId,
            @Nullable EquipmentCategory category,
            Details details,
            ZoneId zone,
            Instant now) {
        return create(UUID.randomUUID(), tenantId, projectId, equipmentId, category, details, zone, now);
    }

    /** With an id of the caller's choosing: the demo seed's name-based ones. */
    static MaintenancePlan create(
            UUID id,
            UUID tenantId,
            UUID projectId,
            @Nullable UUID equipmentId,
            @Nullable EquipmentCategory category,
            Details details,
            ZoneId zone,
            Instant now) {
        MaintenancePlan plan = new MaintenancePlan();
        plan.id = id;
        plan.tenantId = tenantId;
        plan.projectId = projectId;
        plan.equipmentId = equipmentId;
        plan.category = category;
        plan.createdAt = now;
        plan.apply(details, zone, now);
        return plan;
    }

    /** A changed cycle starts afresh from now; otherwise the next due time stays. */
    void apply(Details details, ZoneId zone, Instant now) {
        if (details.leadTime().isNegative() || details.leadTime().compareTo(MAX_LEAD) > 0) {
            throw new BusinessRuleViolation(
                    MaintenanceCodes.LEAD_TIME_INVALID,
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "The lead time lies between zero and 90 days");
        }
        boolean rescheduled = nextDueAt == null || !details.cycle().equals(cycle());
        this.name = details.name().strip();
        this.cycleKind = details.cycle().kind();
        this.intervalDays = details.cycle().intervalDays();
        this.dayOfMonth = details.cycle().dayOfMonth();
        this.cron = details.cycle().cron();
        this.startsOn = details.cycle().startsOn();
        this.checklist = details.checklist().stream().map(String::strip).toArray(String[]::new);
        this.skill = details.skill();
        this.leadSeconds = details.leadTime().toSeconds();
        this.active = details.active();
        if (rescheduled) {
            this.nextDueAt = cycle().firstFrom(now.atZone(zone)).toInstant();
        }
        this.updatedAt = now;
    }

    /** Whether the next occurrence lies within the lead time of {@code now}. */
    @Override
    public boolean dueBy(Instant now) {
        return active && !nextDueAt.minusSeconds(leadSeconds).isAfter(now);
    }

    /** Past the occurrence just announced; counted from it, so a late sweep never shifts the cycle. */
    @Override
    public void advance(ZoneId zone) {
        this.nextDueAt = cycle().next(nextDueAt.atZone(zone)).toInstant();
    }

    Cycle cycle() {
        return new Cycle(cycleKind, intervalDays, dayOfMonth, cron, List.<LocalTime>of(), startsOn);
    }

    Details details() {
        return new Details(name, cycle(), List.of(checklist), skill, Duration.ofSeconds(leadSeconds), active);
    }

    @Override
    public UUID id() {
        return id;
    }

    @Override
    public UUID projectId() {
        return projectId;
    }

    @Nullable
    UUID equipmentId() {
        return equipmentId;
    }

    @Nullable
    EquipmentCategory category() {
        return category;
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
