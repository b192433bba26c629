package com.propcloud.pms.asset.occupancy;

import com.propcloud.pms.common.audit.Masking;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Where people are created or matched by phone: user-service, which alone holds their personal data.
 * The owners import hands it its rows' people in batches, keyed by the import's id.
 */
public interface PeopleRegistry {

    int MAX_BATCH = 500;

    /** ref: the caller's key for the entry (the import uses the row number). toString masks phone and ID. */
    record Candidate(
            String ref,
            String displayName,
            String phone,
            @Nullable String idNumber,
            String category) {
        @Override
        public String toString() {
            return "Candidate[ref=" + ref + ", phone=" + Masking.phone(phone) + ", category=" + category + "]";
        }
    }

    record Registered(
            String ref,
            UUID personId,
            boolean created,
            String displayName,
            @Nullable String phoneMasked,
            String category,
            String status,
            Instant updatedAt) {}

    record Problem(String ref, String field, String reason) {}

    /** Creates or matches the batch (≤ MAX_BATCH) in the tenant; results in request order. */
    List<Registered> register(UUID tenantId, UUID importId, List<Candidate> batch);

    /** user-service refused entries of the batch; nothing of it was created. */
    final class Refused extends RuntimeException {

        private final List<Problem> problems;

        public Refused(List<Problem> problems) {
            super(problems.size() + " entries refused");
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    /** user-service could not be asked (unreachable, timed out, failing): try again later. */
    final class Unavailable extends RuntimeException {

        public Unavailable(String message, @Nullable Throwable cause) {
            super(message, cause);
        }
    }
}
