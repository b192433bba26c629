package com.propcloud.pms.common.tenant.directory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@link TenantDirectory}: the table, a short-lived memory of found entries in front of it (per
 * instance; another instance's copy may lag by at most the cache TTL), and a refetch on a miss.
 */
final class JdbcTenantDirectory implements TenantDirectory {

    private static final Logger log = LoggerFactory.getLogger(JdbcTenantDirectory.class);
    /** What user-service accepts as a tenant code; anything else cannot be one, so it is not looked up. */
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]{1,62}");

    private final TenantDirectoryStore store;
    private final TransactionTemplate ownTransaction;
    private final long cacheTtlNanos;
    private final LongSupplier nanoTime;
    private final Map<UUID, Cached> byId = new ConcurrentHashMap<>();
    private final Map<String, Cached> byCode = new ConcurrentHashMap<>();
    private volatile @Nullable TenantRefresher refresher;

    JdbcTenantDirectory(
            TenantDirectoryStore store,
            PlatformTransactionManager transactions,
            Duration cacheTtl,
            LongSupplier nanoTime) {
        this.store = store;
        this.ownTransaction = new TransactionTemplate(transactions);
        // a refetch may be caused inside a caller's transaction (an event consumer's): its copy commits on its own
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.cacheTtlNanos = cacheTtl.toNanos();
        this.nanoTime = nanoTime;
    }

    void refetchWith(TenantRefresher refresher) {
        this.refresher = refresher;
    }

    @Override
    public Optional<TenantEntry> findByCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String normalized = TenantRecord.normalizeCode(code);
        if (!CODE.matcher(normalized).matches()) {
            return Optional.empty();
        }
        return find(byCode.get(normalized), () -> store.findByCode(normalized));
    }

    @Override
    public Optional<TenantEntry> findById(UUID id) {
        if (id == null) {
            return Optional.empty();
        }
        return find(byId.get(id), () -> store.findById(id));
    }

    @Override
    public List<TenantEntry> all() {
        return store.findAll();
    }

    private Optional<TenantEntry> find(@Nullable Cached cached, Supplier<Optional<TenantEntry>> lookup) {
        if (cached != null && nanoTime.getAsLong() - cached.storedAt() < cacheTtlNanos) {
            return Optional.of(cached.entry());
        }
        Optional<TenantEntry> found = lookup.get();
        if (found.isEmpty() && refresher != null && refresher.refreshOnMiss()) {
            found = lookup.get();
        }
        found.ifPresent(this::remember);
        return found;
    }

    /** A copy from an event, in the consumer's transaction. @return whether it was newer than the stored one */
    boolean apply(TenantRecord tenant) {
        boolean stored = store.upsert(tenant);
        forgetAfterCommit();
        return stored;
    }

    /** The whole list from user-service, in a transaction of its own. */
    void applyAll(List<TenantRecord> tenants) {
        ownTransaction.executeWithoutResult(status -> {
            int stored = 0;
            for (TenantRecord tenant : tenants) {
                if (store.upsert(tenant)) {
                    stored++;
                }
            }
            log.debug("Tenant directory: {} of {} listed tenant(s) were new or newer", stored, tenants.size());
        });
        forgetAll();
    }

    private void remember(TenantEntry entry) {
        if (cacheTtlNanos <= 0) {
            return;
        }
        Cached cached = new Cached(entry, nanoTime.getAsLong());
        byId.put(entry.id(), cached);
        byCode.put(entry.code(), cached);
    }

    /** Now, and again once the writing transaction has committed (a reader in between may re-cache the old row). */
    private void forgetAfterCommit() {
        forgetAll();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forgetAll();
                }
            });
        }
    }

    private void forgetAll() {
        byId.clear();
        byCode.clear();
    }

    private record Cached(TenantEntry entry, long storedAt) {}
}
