package com.propcloud.pms.asset.registry;

import com.propcloud.pms.common.problem.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * The database's constraints are the registry's last line of defence: two requests racing past the
 * service's checks, or a check the service forgot, end at one of them. This answers such a violation
 * as the same problem the service's own check gives, by the constraint's name, and never as a 500.
 */
@RestControllerAdvice
// after LedgerConstraints, which answers the equipment, maintenance and patrol routes
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RegistryConstraints {

    private static final Logger log = LoggerFactory.getLogger(RegistryConstraints.class);

    record Rule(HttpStatus status, String code, String detail) {}

    /** Constraint name (see V1__create_registry.sql) to the problem it stands for. */
    static final Map<String, Rule> RULES = Map.ofEntries(
            Map.entry(
                    "region_name_unique", conflict(RegistryCodes.REGION_NAME_TAKEN, "A region with this name exists")),
            Map.entry(
                    "project_code_unique",
                    conflict(RegistryCodes.PROJECT_CODE_TAKEN, "A project with this code exists")),
            Map.entry(
                    "project_region_fk",
                    conflict(RegistryCodes.REGION_HAS_PROJECTS, "The region is missing or still groups projects")),
            Map.entry(
                    "project_contract_period_valid",
                    invalid(RegistryCodes.PROJECT_CONTRACT_PERIOD_INVALID, "The contract cannot end before it starts")),
            Map.entry(
                    "building_code_unique",
                    conflict(RegistryCodes.BUILDING_CODE_TAKEN, "The project has a building with this code")),
            Map.entry(
                    "building_project_fk",
                    conflict(RegistryCodes.PROJECT_HAS_BUILDINGS, "The project is missing or still has buildings")),
            Map.entry(
                    "building_floors_cover_units",
                    conflict(RegistryCodes.BUILDING_FLOORS_EXCLUDE_UNITS, "Units lie on floors outside this range")),
            // equipment, plans and routes hold on to their project and building (V20)
            Map.entry(
                    "equipment_project_fk",
                    conflict(RegistryCodes.PROJECT_HAS_EQUIPMENT, "The project still has equipment")),
            Map.entry(
                    "maintenance_plan_project_fk",
                    conflict(RegistryCodes.PROJECT_HAS_SCHEDULES, "The project still has maintenance plans")),
            Map.entry(
                    "patrol_route_project_fk",
                    conflict(RegistryCodes.PROJECT_HAS_SCHEDULES, "The project still has patrol routes")),
            Map.entry(
                    "equipment_building_fk",
                    conflict(RegistryCodes.BUILDING_HAS_EQUIPMENT, "The building still has equipment")),
            Map.entry(
                    "unit_number_unique",
                    conflict(RegistryCodes.UNIT_NUMBER_TAKEN, "The building has a unit with this number")),
            Map.entry(
                    "unit_building_fk",
                    conflict(RegistryCodes.BUILDING_HAS_UNITS, "The building is missing or still has units")),
            Map.entry(
                    "unit_floor_not_zero",
                    invalid(RegistryCodes.UNIT_FLOOR_OUT_OF_RANGE, "The floor lies outside the building")),
            Map.entry(
                    "unit_floor_in_range",
                    invalid(RegistryCodes.UNIT_FLOOR_OUT_OF_RANGE, "The floor lies outside the building")),
            Map.entry("unit_area_positive", invalid(RegistryCodes.UNIT_AREA_INVALID, "Areas must be positive")),
            Map.entry(
                    "unit_inner_within_gross",
                    invalid(RegistryCodes.UNIT_AREA_INVALID, "The inner area cannot exceed the gross area")));

    /** The registry's rules and those the other feature packages contribute. */
    private final Map<String, Rule> rules;

    RegistryConstraints(List<ConstraintProblems> contributed) {
        Map<String, Rule> all = new HashMap<>(RULES);
        for (ConstraintProblems feature : contributed) {
            feature.byConstraint().forEach((name, problem) -> {
                Rule rule = new Rule(problem.status(), problem.code(), problem.detail());
                if (all.putIfAbsent(name, rule) != null) {
                    throw new IllegalStateException("Constraint " + name + " is mapped twice");
                }
            });
        }
        this.rules = Map.copyOf(all);
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> violated(DataIntegrityViolationException ex, HttpServletRequest request) {
        Rule rule = ruleFor(ex, rules).orElseGet(() -> {
            log.warn("Unmapped integrity violation on {} {}", request.getMethod(), request.getRequestURI(), ex);
            return new Rule(HttpStatus.CONFLICT, "conflict", "The change conflicts with the registry's data");
        });
        ProblemDetail problem = Problems.of(rule.status(), rule.code(), rule.detail());
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(rule.status()).body(problem);
    }

    /**
     * The rule whose constraint the error names. Matched on the driver's message, which quotes the
     * constraint's name; that holds for the triggers too, whose messages are worded the same way.
     */
    static Optional<Rule> ruleFor(Throwable ex) {
        return ruleFor(ex, RULES);
    }

    static Optional<Rule> ruleFor(Throwable ex, Map<String, Rule> rules) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message == null) {
                continue;
            }
            for (var entry : rules.entrySet()) {
                if (message.contains("\"" + entry.getKey() + "\"")) {
                    return Optional.of(entry.getValue());
                }
            }
        }
        return Optional.empty();
    }

    private static Rule conflict(String code, String detail) {
        return new Rule(HttpStatus.CONFLICT, code, detail);
    }

    private static Rule invalid(String code, String detail) {
        return new Rule(HttpStatus.UNPROCESSABLE_CONTENT, code, detail);
    }
}
