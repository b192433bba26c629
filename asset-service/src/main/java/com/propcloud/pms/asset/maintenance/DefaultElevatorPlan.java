package com.propcloud.pms.asset.maintenance;

import com.propcloud.pms.asset.equipment.EquipmentCategory;
import com.propcloud.pms.asset.equipment.EquipmentRegistered;
import com.propcloud.pms.asset.schedule.Cycle;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gives every new elevator the maintenance regulation requires (《电梯维护保养规则》 TSG T5002: at
 * least every 15 days), in the transaction that registers it, so no elevator is ever without a plan.
 * Managers may change or add plans afterwards.
 */
@Component
class DefaultElevatorPlan {

    static final int EVERY_DAYS = 15;
    static final Duration LEAD_TIME = Duration.ofDays(3);
    static final List<String> CHECKLIST = List.of(
            "Machine room: traction machine, brake and controller",
            "Car: doors, door sensors, buttons, lighting and emergency phone",
            "Shaft and pit: guide rails, buffers and limit switches",
            "Landing doors and interlocks on every floor",
            "Test run: levelling, noise and emergency stop");

    private final MaintenancePlanService plans;

    DefaultElevatorPlan(MaintenancePlanService plans) {
        this.plans = plans;
    }

    @EventListener
    void on(EquipmentRegistered registered) {
        if (registered.category() != EquipmentCategory.ELEVATOR) {
            return;
        }
        LocalDate today = plans.today();
        var details = new MaintenancePlan.Details(
                "Elevator maintenance (every 15 days): " + registered.name(),
                Cycle.everyDays(EVERY_DAYS, today),
                CHECKLIST,
                Skill.ELEVATOR,
                LEAD_TIME,
                true);
        plans.createFor(registered.projectId(), registered.equipmentId(), details);
    }
}
