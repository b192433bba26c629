package com.propcloud.pms.user.owner;

import com.propcloud.pms.common.problem.Problems;
import com.propcloud.pms.common.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Creates or matches people by phone in batches of up to 500 for another service's import ({@link
 * OwnerImports}), in the tenant the path names. Internal: the gateway never routes {@code /internal/**},
 * and only service tokens may call it; a person's token answers 403. The tenant comes from the path
 * because a service token belongs to the platform, not to the tenant it works for.
 */
@RestController
class OwnerBatchController {

    private final OwnerImports imports;

    OwnerBatchController(OwnerImports imports) {
        this.imports = imports;
    }

    /** {@code {"importId","owners":[{"ref","displayName","phone","idNumber","category"}]}}. */
    record Request(@Nullable UUID importId, @Nullable List<OwnerImports.Candidate> owners) {}

    /** {@code {"owners":[…]}}, one per entry of the request, in its order. */
    record Response(List<Result> owners) {}

    /** What an entry came to: the person as user-service holds them, the phone masked. */
    record Result(
            String ref,
            UUID ownerId,
            boolean created,
            String displayName,
            String phoneMasked,
            OwnerCategory category,
            OwnerStatus status,
            Instant updatedAt) {

        static Result of(OwnerImports.Registered registered) {
            OwnerMember owner = registered.owner();
            return new Result(
                    registered.ref(),
                    owner.id(),
                    registered.created(),
                    owner.displayName(),
                    owner.phoneMasked(),
                    owner.category(),
                    owner.status(),
                    owner.updatedAt());
        }
    }

    @PostMapping("/internal/v1/tenants/{tenantId}/owners/batch")
    ResponseEntity<Response> register(@PathVariable UUID tenantId, @RequestBody Request request) {
        CurrentUser.requireService();
        List<Result> owners = imports.register(tenantId, request.importId(), request.owners()).stream()
                .map(Result::of)
                .toList();
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new Response(owners));
    }

    /** 422 {@code owner.batch-invalid} with {@code problems: [{"ref","field","reason"}]}, every one of them. */
    @ExceptionHandler(OwnerImports.BatchInvalid.class)
    ResponseEntity<ProblemDetail> batchInvalid(OwnerImports.BatchInvalid ex, HttpServletRequest http) {
        ProblemDetail problem = Problems.of(ex.status(), ex.code(), ex.getMessage());
        problem.setInstance(URI.create(http.getRequestURI()));
        problem.setProperty("problems", ex.problems());
        return ResponseEntity.status(ex.status())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
