package com.propcloud.pms.asset.patrol;

import com.propcloud.pms.asset.maintenance.Skill;
import com.propcloud.pms.asset.schedule.Cycle;
import com.propcloud.pms.asset.schedule.CycleRequest;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/** The bodies of the patrol route API. */
final class PatrolRouteRequests {

    static final Duration DEFAULT_LEAD = Duration.ofMinutes(30);
    private static final String NOT_BLANK = "(?s).*\\S.*";
    private static final SecureRandom RANDOM = new SecureRandom();

    private PatrolRouteRequests() {}

    /** A checkpoint; without a code (an NFC tag's id, or a printed label's) one is issued. */
    record CheckpointRequest(
            @Schema(example = "NFC-04A2-19F3")
            @Nullable
            @Size(min = 1, max = 64)
            @Pattern(regexp = "[A-Za-z0-9_.:-]+", message = "letters, digits and _ . : - only")
            String code,

            @Schema(example = "B1 pump room door") @NotBlank @Size(max = 500)
            String location) {

        PatrolRoute.Stop stop() {
            return new PatrolRoute.Stop(code == null ? newCode() : code, location);
        }
    }

    record Create(
            @NotNull UUID projectId,
            @NotBlank @Size(max = 200) String name,
            @NotNull @Valid CycleRequest cycle,
            @NotEmpty @Size(max = 200) List<@NotNull @Valid CheckpointRequest> checkpoints,
            @Nullable Skill skill,

            @Schema(description = "The role that walks it, e.g. SECURITY", example = "SECURITY")
            @Nullable
            @Size(max = 64)
            String role,

            @Schema(description = "How long before each round it is announced (ISO-8601), 30 minutes if absent")
            @Nullable
            Duration leadTime,

            @Nullable Boolean active) {

        PatrolRoute.Details details(LocalDate today) {
            return new PatrolRoute.Details(
                    name,
                    cycle.toCycle(today),
                    checkpoints.stream().map(CheckpointRequest::stop).toList(),
                    skill,
                    role,
                    leadTime == null ? DEFAULT_LEAD : leadTime,
                    active == null || active);
        }
    }

    /** Changes to a route; absent fields stay; checkpoints, when given, replace the list. */
    record Change(
            @Nullable @Size(min = 1, max = 200) @Pattern(regexp = NOT_BLANK, message = "must not be blank")
            String name,

            @Nullable @Valid CycleRequest cycle,
            @Nullable @Size(min = 1, max = 200) List<@NotNull @Valid CheckpointRequest> checkpoints,
            @Nullable Skill skill,
            @Nullable @Size(max = 64) String role,
            @Nullable Duration leadTime,
            @Nullable Boolean active) {

        UnaryOperator<PatrolRoute.Details> applyTo(LocalDate today) {
            return current -> new PatrolRoute.Details(
                    name == null ? current.name() : name,
                    cycle == null ? current.cycle() : cycle.toCycle(today),
                    checkpoints == null
                            ? current.checkpoints()
                            : checkpoints.stream().map(CheckpointRequest::stop).toList(),
                    skill == null ? current.skill() : skill,
                    role == null ? current.role() : role,
                    leadTime == null ? current.leadTime() : leadTime,
                    active == null ? current.active() : active);
        }
    }

    record Response(
            UUID id,
            UUID projectId,
            String name,
            Cycle cycle,
            List<PatrolRoute.Stop> checkpoints,
            @Nullable Skill skill,
            @Nullable String role,
            Duration leadTime,
            boolean active,
            Instant nextDueAt,
            Instant createdAt,
            Instant updatedAt) {

        static Response of(PatrolRoute route) {
            PatrolRoute.Details d = route.details();
            return new Response(
                    route.id(),
                    route.projectId(),
                    d.name(),
                    d.cycle(),
                    d.checkpoints(),
                    d.skill(),
                    d.role(),
                    d.leadTime(),
                    d.active(),
                    route.nextDueAt(),
                    route.createdAt(),
                    route.updatedAt());
        }
    }

    /** 96 random bits: a printed checkpoint label cannot be forged from its neighbours'. */
    private static String newCode() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return "CP" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
