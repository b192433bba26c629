package com.propcloud.pms.asset.occupancy;

import com.propcloud.pms.common.audit.Masking;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * user-service's create-or-match by phone as asset-service sees it through {@link PeopleRegistry}, for
 * tests of the owners import inside asset-service alone (the e2e suite runs the real one): people are
 * matched by tenant and phone, created otherwise, and the test can make calls fail like an unreachable
 * service, or refuse a phone like a rule user-service enforces.
 */
final class RegisterLikeUserService implements PeopleRegistry {

    private final Map<String, Registered> byPhone = new ConcurrentHashMap<>();
    private final AtomicInteger failing = new AtomicInteger();
    private final Set<String> refusedPhones = ConcurrentHashMap.newKeySet();
    /** The size of every batch asked, including failed calls. */
    final List<Integer> calls = new CopyOnWriteArrayList<>();

    final AtomicInteger created = new AtomicInteger();

    private final AtomicInteger succeedFirst = new AtomicInteger();

    /** After {@code ok} more calls succeed, the {@code failures} calls after them fail as if user-service were down. */
    void failAfter(int ok, int failures) {
        succeedFirst.set(ok);
        failing.set(failures);
    }

    void refuse(String phone) {
        refusedPhones.add(phone);
    }

    void reset() {
        failing.set(0);
        succeedFirst.set(0);
        refusedPhones.clear();
        calls.clear();
        created.set(0);
    }

    @Override
    public List<Registered> register(UUID tenantId, UUID importId, List<Candidate> batch) {
        calls.add(batch.size());
        if (batch.isEmpty() || batch.size() > MAX_BATCH) {
            throw new IllegalArgumentException("batch of " + batch.size());
        }
        if (succeedFirst.getAndUpdate(n -> Math.max(0, n - 1)) == 0
                && failing.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new Unavailable("connection refused", null);
        }
        List<Problem> problems = new ArrayList<>();
        for (Candidate candidate : batch) {
            if (refusedPhones.contains(candidate.phone())) {
                problems.add(new Problem(candidate.ref(), "phone", "reserved number"));
            }
        }
        if (!problems.isEmpty()) {
            throw new Refused(problems);
        }
        List<Registered> answered = new ArrayList<>();
        for (Candidate c : batch) {
            String key = tenantId + "/" + c.phone();
            Registered known = byPhone.get(key);
            if (known == null) {
                known = new Registered(
                        c.ref(),
                        UUID.randomUUID(),
                        true,
                        c.displayName(),
                        Masking.phone(c.phone()),
                        c.category(),
                        "ACTIVE",
                        Instant.now().truncatedTo(ChronoUnit.MICROS));
                byPhone.put(key, known);
                created.incrementAndGet();
                answered.add(known);
            } else {
                answered.add(new Registered(
                        c.ref(),
                        known.personId(),
                        false,
                        known.displayName(),
                        known.phoneMasked(),
                        known.category(),
                        known.status(),
                        known.updatedAt()));
            }
        }
        return answered;
    }

    /** Everyone registered in the tenant on one page, whatever the cursor: imports' tests list nobody. */
    @Override
    public Changes changed(UUID tenantId, Cursor from, int size) {
        return new Changes(
                byPhone.entrySet().stream()
                        .filter(entry -> entry.getKey().startsWith(tenantId + "/"))
                        .map(entry -> entry.getValue().snapshot())
                        .toList(),
                null);
    }

    @Override
    public Map<String, UUID> findByPhones(UUID tenantId, List<String> phones) {
        Map<String, UUID> found = new HashMap<>();
        for (String phone : phones) {
            Registered known = byPhone.get(tenantId + "/" + phone);
            if (known != null) {
                found.put(phone, known.personId());
            }
        }
        return found;
    }
}
