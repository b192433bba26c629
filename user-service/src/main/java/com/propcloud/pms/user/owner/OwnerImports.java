package com.propcloud.pms.user.owner;

import com.propcloud.pms.common.audit.AuditEvent;
import com.propcloud.pms.common.audit.AuditLog;
import com.propcloud.pms.common.messaging.outbox.Outbox;
import com.propcloud.pms.common.pii.IdNumbers;
import com.propcloud.pms.common.pii.Phones;
import com.propcloud.pms.common.problem.BusinessRuleViolation;
import com.propcloud.pms.common.problem.InvalidParameterException;
import com.propcloud.pms.common.problem.NotFoundException;
import com.propcloud.pms.common.tenant.TenantContext;
import com.propcloud.pms.user.pii.PersonalData;
import com.propcloud.pms.user.tenant.TenantDirectory;
import com.propcloud.pms.user.tenant.TenantRef;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates or matches people by phone, a batch at a time, for another service's import (asset-service's
 * owners and occupancy sheet). Every entry is checked before anything is written, so a batch is taken
 * whole or refused whole. Matching is by the phone's keyed hash within the tenant; a person found is
 * returned unchanged, so running a batch again creates nothing and announces nothing.
 */
@Service
class OwnerImports {

    static final String BATCH_INVALID = "owner.batch-invalid";
    static final String TENANT_INACTIVE = "owner.tenant-inactive";
    static final int MAX_BATCH = 500;
    static final int MAX_REF_LENGTH = 64;
    /** {@code owner_account.display_name}'s length. */
    static final int MAX_NAME_LENGTH = 200;

    private static final Logger log = LoggerFactory.getLogger(OwnerImports.class);
    private static final String REQUIRED = "is required";

    private final TenantDirectory tenants;
    private final OwnerAccountRepository accounts;
    private final OwnerAccountInserts inserts;
    private final PersonalData personalData;
    private final Outbox outbox;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    OwnerImports(
            TenantDirectory tenants,
            OwnerAccountRepository accounts,
            OwnerAccountInserts inserts,
            PersonalData personalData,
            Outbox outbox,
            AuditLog audit,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.tenants = tenants;
        this.accounts = accounts;
        this.inserts = inserts;
        this.personalData = personalData;
        this.outbox = outbox;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** One person as the import names them, numbers as typed; {@code ref} is the caller's key for the entry. */
    record Candidate(
            @Nullable String ref,
            @Nullable String displayName,
            @Nullable String phone,
            @Nullable String idNumber,
            @Nullable String category) {
        @Override
        public String toString() {
            return "Candidate[ref=" + ref + ", displayName=" + displayName + ", category=" + category + "]";
        }
    }

    /** What one entry came to; {@code created} only on the first entry of a person this batch created. */
    record Registered(String ref, OwnerMember owner, boolean created) {}

    /** One invalid field of an entry; the reason never repeats the value. */
    record Problem(String ref, String field, String reason) {}

    /** A batch with invalid entries, refused whole: 422 {@value #BATCH_INVALID} with every problem. */
    static final class BatchInvalid extends BusinessRuleViolation {

        private final transient List<Problem> problems;

        BatchInvalid(List<Problem> problems, int invalidEntries, int entries) {
            super(
                    BATCH_INVALID,
                    HttpStatus.UNPROCESSABLE_ENTITY,
                    invalidEntries + " of " + entries + " entries are invalid; nothing was created");
            this.problems = List.copyOf(problems);
        }

        List<Problem> problems() {
            return problems;
        }
    }

    /** An entry that passed every check: the person with their numbers normalised. */
    private record Valid(String ref, OwnerAccounts.NewOwner owner) {}

    /**
     * Creates or matches every entry in the tenant, in one transaction under the tenant's row-level
     * security; the results in the entries' order.
     *
     * @throws NotFoundException for an unknown tenant (or the platform, which has no people)
     * @throws BusinessRuleViolation {@value #TENANT_INACTIVE} for a suspended tenant
     * @throws BatchInvalid when any entry is invalid; nothing is written then
     */
    List<Registered> register(UUID tenantId, @Nullable UUID importId, @Nullable List<Candidate> batch) {
        if (importId == null) {
            throw new InvalidParameterException("importId", REQUIRED);
        }
        if (batch == null || batch.isEmpty() || batch.size() > MAX_BATCH) {
            throw new InvalidParameterException("owners", "must hold 1 to " + MAX_BATCH + " entries");
        }
        requireActiveTenant(tenantId);
        List<Valid> entries = validate(batch);
        return TenantContext.callAs(tenantId, () -> transactions.execute(status -> write(tenantId, importId, entries)));
    }

    private void requireActiveTenant(UUID tenantId) {
        TenantRef tenant = ServedTenant.require(tenants, tenantId);
        if (!tenant.active()) {
            throw new BusinessRuleViolation(
                    TENANT_INACTIVE,
                    HttpStatus.UNPROCESSABLE_ENTITY,
                    "The tenant is suspended: no people are imported");
        }
    }

    private List<Registered> write(UUID tenantId, UUID importId, List<Valid> entries) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS); // as stored, so a later read is equal
        List<String> keys = new ArrayList<>(entries.size());
        // the first entry of a phone decides the new person's name, category and ID number
        Map<String, Valid> firstByKey = new LinkedHashMap<>();
        for (Valid entry : entries) {
            String key = personalData.phoneKey(entry.owner().phone());
            keys.add(key);
            firstByKey.putIfAbsent(key, entry);
        }
        Map<String, OwnerMember> people = match(tenantId, firstByKey.keySet());
        List<OwnerMember> created = createMissing(tenantId, firstByKey, people, now);
        outbox.appendAll(created.stream()
                .map(member -> new Outbox.Event(
                        OwnerChangedV1.CREATED, member.id(), null, OwnerChangedV1.of(member), OwnerChangedV1.VERSION))
                .toList());
        audit.recordAfterCommit(AuditEvent.builder("owner.imported")
                .byCurrentUser()
                // filed under the tenant imported into (the caller's token is the platform's)
                .tenant(tenantId)
                .target("owner-import", importId)
                .detail("entries", entries.size())
                .detail("created", created.size())
                .detail("matched", entries.size() - created.size())
                .build());
        log.info(
                "Owner batch {} in tenant {}: {} entries, {} people created",
                importId,
                tenantId,
                entries.size(),
                created.size());
        return results(entries, keys, people, created);
    }

    /**
     * Creates the people of the phones {@code people} lacks and adds them to it; a phone whose person a
     * concurrent request committed meanwhile is matched instead. Returns the people created.
     */
    private List<OwnerMember> createMissing(
            UUID tenantId, Map<String, Valid> firstByKey, Map<String, OwnerMember> people, Instant now) {
        List<OwnerAccount> fresh = new ArrayList<>();
        firstByKey.forEach((key, entry) -> {
            if (!people.containsKey(key)) {
                fresh.add(open(tenantId, entry, now));
            }
        });
        Set<UUID> inserted = inserts.insertUnlessPhoneTaken(fresh);
        List<OwnerMember> created = new ArrayList<>();
        List<String> raced = new ArrayList<>();
        for (OwnerAccount account : fresh) {
            if (inserted.contains(account.id())) {
                created.add(account.toMember());
                people.put(account.phoneHash(), account.toMember());
            } else {
                raced.add(account.phoneHash());
            }
        }
        if (!raced.isEmpty()) {
            Map<String, OwnerMember> rematched = match(tenantId, raced);
            if (rematched.size() != raced.size()) {
                // taken and gone again within the transaction's statements: the caller may simply retry
                throw new OptimisticLockingFailureException("People of this batch changed while it was written");
            }
            people.putAll(rematched);
        }
        return created;
    }

    private Map<String, OwnerMember> match(UUID tenantId, Collection<String> phoneKeys) {
        Map<String, OwnerMember> people = new HashMap<>();
        for (OwnerAccount account : accounts.findByPhoneHashes(tenantId, phoneKeys)) {
            people.put(account.phoneHash(), account.toMember());
        }
        return people;
    }

    /** A new person as {@link OwnerAccounts} opens one: numbers encrypted, hashed and masked. */
    private OwnerAccount open(UUID tenantId, Valid entry, Instant now) {
        OwnerAccounts.NewOwner owner = entry.owner();
        return OwnerAccount.open(
                UUID.randomUUID(),
                tenantId,
                owner.displayName(),
                owner.category(),
                personalData.protectPhone(owner.phone()),
                owner.idNumber() == null ? null : personalData.protectIdNumber(owner.idNumber()),
                now);
    }

    private static List<Registered> results(
            List<Valid> entries, List<String> keys, Map<String, OwnerMember> people, List<OwnerMember> created) {
        Set<UUID> createdIds = new HashSet<>();
        created.forEach(member -> createdIds.add(member.id()));
        List<Registered> results = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            OwnerMember person = people.get(keys.get(i));
            // a later entry with the same phone matched the person the first one created
            boolean createdHere = createdIds.remove(person.id());
            results.add(new Registered(entries.get(i).ref(), person, createdHere));
        }
        return results;
    }

    /** Every entry's every problem, or the entries normalised when there is none. */
    private static List<Valid> validate(List<Candidate> batch) {
        List<Problem> problems = new ArrayList<>();
        int invalidEntries = 0;
        Set<String> refs = new HashSet<>();
        List<Valid> valid = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            // an entry without a usable ref is named by its position, from 1
            String position = "#" + (i + 1);
            Candidate entry = batch.get(i);
            if (entry == null) {
                problems.add(new Problem(position, "entry", REQUIRED));
                invalidEntries++;
                continue;
            }
            List<Problem> found = new ArrayList<>();
            String ref = entry.ref();
            if (ref == null || ref.isBlank()) {
                ref = position;
                found.add(new Problem(position, "ref", REQUIRED));
            } else if (ref.length() > MAX_REF_LENGTH) {
                ref = position;
                found.add(new Problem(position, "ref", "is longer than " + MAX_REF_LENGTH + " characters"));
            } else if (!refs.add(ref)) {
                found.add(new Problem(ref, "ref", "is the ref of an earlier entry"));
            }
            String name = entry.displayName() == null ? "" : entry.displayName().strip();
            if (name.isEmpty()) {
                found.add(new Problem(ref, "displayName", REQUIRED));
            } else if (name.codePointCount(0, name.length()) > MAX_NAME_LENGTH) {
                found.add(new Problem(ref, "displayName", "is longer than " + MAX_NAME_LENGTH + " characters"));
            }
            Optional<String> phone = Phones.normalise(entry.phone());
            if (phone.isEmpty()) {
                found.add(new Problem(
                        ref, "phone", isBlank(entry.phone()) ? REQUIRED : "is not a mainland mobile number"));
            }
            // an empty cell is no ID number
            Optional<String> idNumber =
                    isBlank(entry.idNumber()) ? Optional.empty() : IdNumbers.normalise(entry.idNumber());
            if (!isBlank(entry.idNumber()) && idNumber.isEmpty()) {
                found.add(new Problem(
                        ref, "idNumber", "is not an 18-character resident ID number with a valid check character"));
            }
            Optional<OwnerCategory> category = category(entry.category());
            if (category.isEmpty()) {
                found.add(new Problem(ref, "category", "must be OWNER, RESIDENT or COMMERCIAL_TENANT"));
            }
            if (found.isEmpty()) {
                valid.add(new Valid(
                        ref, new OwnerAccounts.NewOwner(name, category.get(), phone.get(), idNumber.orElse(null))));
            } else {
                problems.addAll(found);
                invalidEntries++;
            }
        }
        if (!problems.isEmpty()) {
            throw new BatchInvalid(problems, invalidEntries, batch.size());
        }
        return valid;
    }

    private static Optional<OwnerCategory> category(@Nullable String category) {
        if (category == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(OwnerCategory.valueOf(category.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    private static boolean isBlank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
