package com.propcloud.pms.asset.maintenance;

import com.propcloud.pms.asset.equipment.EquipmentCategory;
import com.propcloud.pms.asset.schedule.Cycle;
import com.propcloud.pms.asset.schedule.CycleRequest;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/** The bodies of the maintenance plan API. */
final class MaintenancePlanRequests {

    static final Duration DEFAULT_LEAD = Duration.ofDays(3);
    private static final String NOT_BLANK = "(?s).*\\S.*";

    private MaintenancePlanRequests() {}

    /** A plan for one item ({@code equipmentId}) or for a {@code category} within {@code projectId}. */
    record Create(
            @Nullable UUID projectId,
            @Nullable UUID equipmentId,
            @Nullable EquipmentCategory category,
            @NotBlank @Size(max = 200) String name,
            @NotNull @Valid CycleRequest cycle,

            @Schema(description = "Ordered checklist items") @NotNull @Size(max = 100)
            List<@NotBlank @Size(max = 500) String> checklist,

            @NotNull Skill skill,

            @Schema(
                    description = "How long before each occurrence it is announced (ISO-8601), 3 days if absent",
                    example = "P3D")
            @Nullable
            Duration leadTime,

            @Nullable Boolean active) {

        MaintenancePlan.Details details(LocalDate today) {
            return new MaintenancePlan.Details(
                    name,
                    cycle.toCycle(today),
                    checklist,
                    skill,
                    leadTime == null ? DEFAULT_LEAD : leadTime,
                    active == null || active);
        }
    }

    /** Changes to a plan; absent fields stay. A new cycle restarts the plan from now. */
    record Change(
            @Nullable @Size(min = 1, max = 200) @Pattern(regexp = NOT_BLANK, message = "must not be blank")
            String name,

            @Nullable @Valid CycleRequest cycle,
            @Nullable @Size(max = 100) List<@NotBlank @Size(max = 500) String> checklist,
            @Nullable Skill skill,
            @Nullable Duration leadTime,
            @Nullable Boolean active) {

        UnaryOperator<MaintenancePlan.Details> applyTo(LocalDate today) {
            return current -> new MaintenancePlan.Details(
                    name == null ? current.name() : name,
                    cycle == null ? current.cycle() : cycle.toCycle(today),
                    checklist == null ? current.checklist() : checklist,
                    skill == null ? current.skill() : skill,
                    leadTime == null ? current.leadTime() : leadTime,
                    active == null ? current.active() : active);
        }
    }

    record Response(
            UUID id,
            UUID projectId,
            @Nullable UUID equipmentId,
            @Nullable EquipmentCategory category,
            String name,
            Cycle cycle,
            List<String> checklist,
            Skill skill,
            Duration leadTime,
            boolean active,
            Instant nextDueAt,
            Instant createdAt,
            Instant updatedAt) {

        static Response of(MaintenancePlan plan) {
            MaintenancePlan.Details d = plan.details();
            return new Response(
                    plan.id(),
                    plan.projectId(),
                    plan.equipmentId(),
                    plan.category(),
                    d.name(),
                    d.cycle(),
                    d.checklist(),
                    d.skill(),
                    d.leadTime(),
                    d.active(),
                    plan.nextDueAt(),
                    plan.createdAt(),
                    plan.updatedAt());
        }
    }
}
