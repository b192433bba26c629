package com.propcloud.pms.user.owner;

import com.propcloud.pms.common.pii.Phones;
import com.propcloud.pms.common.problem.InvalidParameterException;
import com.propcloud.pms.common.problem.NotFoundException;
import com.propcloud.pms.common.tenant.TenantContext;
import com.propcloud.pms.user.pii.PersonalData;
import com.propcloud.pms.user.tenant.TenantDirectory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What other services may read of a tenant's people: the changes since a point in time, for their
 * copies (asset-service's person projection catches up with it what its events missed), and the
 * people holding given phones, matched through the phone's keyed hash. Both read under the tenant's
 * row-level security and answer phones only masked.
 */
@Service
class InternalOwners {

    static final int DEFAULT_PAGE = 500;
    static final int MAX_PAGE = 1000;
    static final int MAX_PHONES = 100;

    /** Sorts before every real id: a listing without {@code after} starts at {@code updatedSince} itself. */
    private static final UUID BEFORE_ALL = new UUID(0, 0);

    private final TenantDirectory tenants;
    private final OwnerAccountRepository accounts;
    private final PersonalData personalData;
    private final TransactionTemplate readOnly;

    InternalOwners(
            TenantDirectory tenants,
            OwnerAccountRepository accounts,
            PersonalData personalData,
            PlatformTransactionManager transactions) {
        this.tenants = tenants;
        this.accounts = accounts;
        this.personalData = personalData;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** Where the next page starts: the last person's {@code updatedAt} and id. */
    record Cursor(Instant updatedSince, UUID after) {}

    /** One page, oldest change first; {@code next} is null after the last page. */
    record Changes(List<OwnerMember> people, @Nullable Cursor next) {}

    /**
     * A phone of the request that a living person of the tenant holds: {@code index} is its position in
     * the request (two numbers may share a mask), {@code phone} the number masked.
     */
    record Match(int index, String phone, UUID ownerId) {}

    /**
     * The tenant's people, deleted ones included (their status says so), whose {@code (updatedAt, id)}
     * comes after {@code (updatedSince, after)}; without {@code after}, those changed at or after {@code
     * updatedSince}; without either, everyone. Paging by the last person's values rather than by offset
     * keeps it stable while people change: a person changed meanwhile moves to the end and is listed
     * again there, never skipped.
     *
     * @throws NotFoundException for an unknown tenant or the platform
     */
    Changes changed(UUID tenantId, @Nullable Instant updatedSince, @Nullable UUID after, @Nullable Integer size) {
        int limit = size == null ? DEFAULT_PAGE : size;
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InvalidParameterException("size", "must be between 1 and " + MAX_PAGE);
        }
        if (after != null && updatedSince == null) {
            throw new InvalidParameterException("after", "goes with updatedSince, the last person's updatedAt");
        }
        ServedTenant.require(tenants, tenantId);
        Instant since = updatedSince == null ? Instant.EPOCH : updatedSince;
        // one more than asked: whether another page follows, without a count
        List<OwnerMember> page = read(
                tenantId,
                () -> accounts.findChangedAfter(tenantId, since, after == null ? BEFORE_ALL : after, limit + 1).stream()
                        .map(OwnerAccount::toMember)
                        .toList());
        if (page.size() <= limit) {
            return new Changes(page, null);
        }
        List<OwnerMember> people = page.subList(0, limit);
        OwnerMember last = people.get(limit - 1);
        return new Changes(List.copyOf(people), new Cursor(last.updatedAt(), last.id()));
    }

    /**
     * The living people of the tenant holding these phones, in request order; a phone nobody holds is
     * absent. Every phone must be a mainland mobile number (the reason never repeats it).
     *
     * @throws NotFoundException for an unknown tenant or the platform
     */
    List<Match> lookup(UUID tenantId, @Nullable List<String> phones) {
        if (phones == null || phones.isEmpty() || phones.size() > MAX_PHONES) {
            throw new InvalidParameterException("phones", "must hold 1 to " + MAX_PHONES + " numbers");
        }
        List<String> keys = new ArrayList<>(phones.size());
        Map<String, String> problems = new LinkedHashMap<>();
        for (int i = 0; i < phones.size(); i++) {
            Optional<String> phone = Phones.normalise(phones.get(i));
            if (phone.isEmpty()) {
                problems.put("phones[" + i + "]", "is not a mainland mobile number");
            }
            keys.add(phone.map(personalData::phoneKey).orElse(null));
        }
        if (!problems.isEmpty()) {
            throw new InvalidParameterException(problems);
        }
        ServedTenant.require(tenants, tenantId);
        Map<String, OwnerMember> byKey = read(tenantId, () -> {
            Map<String, OwnerMember> found = new HashMap<>();
            for (OwnerAccount account : accounts.findByPhoneHashes(tenantId, keys)) {
                found.put(account.phoneHash(), account.toMember());
            }
            return found;
        });
        List<Match> matches = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            OwnerMember owner = byKey.get(keys.get(i));
            if (owner != null) {
                matches.add(new Match(i, owner.phoneMasked(), owner.id()));
            }
        }
        return matches;
    }

    private <T> T read(UUID tenantId, Supplier<T> query) {
        return TenantContext.callAs(tenantId, () -> readOnly.execute(status -> query.get()));
    }
}
