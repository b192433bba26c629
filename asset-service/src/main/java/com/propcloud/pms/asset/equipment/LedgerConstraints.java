package com.propcloud.pms.asset.equipment;

import com.propcloud.pms.common.problem.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The equipment, maintenance and patrol routes' counterpart of the registry's constraint mapping: a
 * request that races past a service check into one of V20's constraints gets the problem that check
 * gives, by the constraint's name, never a 500. Ordered before the registry's, which answers the
 * registry's own routes (a project delete that meets equipment, for one).
 */
@RestControllerAdvice(
        basePackages = {
            "com.propcloud.pms.asset.equipment",
            "com.propcloud.pms.asset.maintenance",
            "com.propcloud.pms.asset.patrol"
        })
@Order(Ordered.HIGHEST_PRECEDENCE)
class LedgerConstraints {

    private static final Logger log = LoggerFactory.getLogger(LedgerConstraints.class);

    record Rule(HttpStatus status, String code, String detail) {}

    /** Constraint name (see V20__create_equipment_maintenance_patrol.sql) to the problem it stands for. */
    static final Map<String, Rule> RULES = Map.ofEntries(
            Map.entry("equipment_project_fk", invalid(EquipmentCodes.PROJECT_NOT_FOUND, "No such project")),
            Map.entry(
                    "equipment_building_fk",
                    invalid(EquipmentCodes.BUILDING_NOT_FOUND, "No such building in the equipment's project")),
            Map.entry(
                    "equipment_code_unique",
                    new Rule(HttpStatus.CONFLICT, EquipmentCodes.CODE_TAKEN, "The project has an item with this code")),
            Map.entry(
                    "equipment_warranty_after_install",
                    invalid(EquipmentCodes.WARRANTY_BEFORE_INSTALL, "The warranty cannot end before the installation")),
            Map.entry("maintenance_plan_project_fk", invalid("maintenance-plan.project-not-found", "No such project")),
            Map.entry(
                    "maintenance_plan_equipment_fk",
                    invalid("maintenance-plan.equipment-not-found", "No such equipment")),
            Map.entry("patrol_route_project_fk", invalid("patrol-route.project-not-found", "No such project")),
            Map.entry(
                    "patrol_route_name_unique",
                    new Rule(HttpStatus.CONFLICT, "patrol-route.name-taken", "The project has a route with this name")),
            Map.entry(
                    "patrol_checkpoint_code_unique",
                    new Rule(
                            HttpStatus.CONFLICT,
                            "patrol-route.checkpoint-code-taken",
                            "A checkpoint with this code exists")));

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> violated(DataIntegrityViolationException ex, HttpServletRequest request) {
        Rule rule = ruleFor(ex);
        if (rule == null) {
            log.warn("Unmapped integrity violation on {} {}", request.getMethod(), request.getRequestURI(), ex);
            rule = new Rule(HttpStatus.CONFLICT, "conflict", "The change conflicts with existing data");
        }
        ProblemDetail problem = Problems.of(rule.status(), rule.code(), rule.detail());
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(rule.status()).body(problem);
    }

    /** Matched on the driver's message, which quotes the constraint's name. */
    static @Nullable Rule ruleFor(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message == null) {
                continue;
            }
            for (var entry : RULES.entrySet()) {
                if (message.contains("\"" + entry.getKey() + "\"")) {
                    return entry.getValue();
                }
            }
        }
        return null;
    }

    private static Rule invalid(String code, String detail) {
        return new Rule(HttpStatus.UNPROCESSABLE_CONTENT, code, detail);
    }
}
