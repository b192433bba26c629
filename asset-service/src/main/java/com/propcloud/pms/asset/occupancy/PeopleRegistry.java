package com.propcloud.pms.asset.occupancy;

import com.propcloud.pms.common.audit.Masking;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Where people are created, matched and found by phone: user-service, which owns people and their
 * personal data. asset-service keeps only the {@link Person} projection (filled by {@code user.owner.*}
 * events, and caught up by {@link PersonSync} from {@link #changed}); an import that names people by
 * phone asks here, a batch at a time, keyed by the import's id, and then links occupancy to the ids it
 * gets back. Registering the same batch again matches every entry and creates nobody, so a caller that
 * saw {@link Unavailable} simply retries; listing and finding only read.
 */
public interface PeopleRegistry {

    int MAX_BATCH = 500;
    int MAX_PAGE = 1000;
    int MAX_LOOKUP = 100;

    /** ref: the caller's key for the entry (the import uses the row number). toString masks phone and ID. */
    record Candidate(
            String ref,
            String displayName,
            String phone,
            @Nullable String idNumber,
            String category) {
        @Override
        public String toString() {
            return "Candidate[ref=" + ref + ", displayName=" + displayName + ", phone=" + Masking.phone(phone)
                    + ", idNumber=" + Masking.idNumber(idNumber) + ", category=" + category + "]";
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
            Instant updatedAt) {

        Snapshot snapshot() {
            return new Snapshot(personId, displayName, phoneMasked, category, status, updatedAt);
        }
    }

    /** A person as user-service holds them, in the {@code user.owner.*} events' shape: what {@link Person} keeps. */
    record Snapshot(
            UUID personId,
            String displayName,
            @Nullable String phoneMasked,
            String category,
            String status,
            Instant updatedAt) {}

    /** Where a listing starts: people changed at or after {@code updatedSince}, or after {@code (updatedSince, after)}. */
    record Cursor(Instant updatedSince, @Nullable UUID after) {}

    /** One page of a listing, oldest change first; {@code next} is null after the last page. */
    record Changes(List<Snapshot> people, @Nullable Cursor next) {}

    record Problem(String ref, String field, String reason) {}

    /** Creates or matches the batch (≤ MAX_BATCH) in the tenant; results in request order. */
    List<Registered> register(UUID tenantId, UUID importId, List<Candidate> batch);

    /**
     * One page (≤ MAX_PAGE) of the tenant's people, deleted ones included, changed from {@code from} on
     * ({@code null}: everyone), oldest change first; for copies that catch up with what events missed.
     */
    Changes changed(UUID tenantId, @Nullable Cursor from, int size);

    /**
     * The people of the tenant holding these phones (≤ MAX_LOOKUP, normalised), by phone; a phone nobody
     * living holds is absent.
     */
    Map<String, UUID> findByPhones(UUID tenantId, List<String> phones);

    /** The batch had invalid entries (every one named); nothing was created, and sending it again will not help. */
    final class Refused extends RuntimeException {

        private final transient List<Problem> problems;

        public Refused(List<Problem> problems) {
            super(problems.size() + " problem(s) in the batch; nothing was created");
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    /**
     * user-service could not be reached, timed out or failed. A batch may or may not have been written;
     * retry it later (what was written is matched then, not created twice).
     */
    final class Unavailable extends RuntimeException {

        public Unavailable(String message, @Nullable Throwable cause) {
            super(message, cause);
        }
    }
}
