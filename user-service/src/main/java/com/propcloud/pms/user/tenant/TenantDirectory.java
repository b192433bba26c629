package com.propcloud.pms.user.tenant;

import com.propcloud.pms.common.messaging.outbox.Outbox;
import com.propcloud.pms.common.problem.BusinessRuleViolation;
import com.propcloud.pms.common.problem.NotFoundException;
import com.propcloud.pms.common.tenant.TenantContext;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tenant directory: resolves the tenant code a person types at login to the tenant id that
 * row-level security and the tokens work with. The directory itself is not tenant-filtered.
 *
 * <p>Every change is announced to the other services' read models: {@code user.tenant.created} and
 * {@code user.tenant.updated} go through the outbox in the same transaction as the change, each as an
 * event of the tenant itself (its {@code tenantId} and {@code aggregateId} are the tenant's id).
 */
@Service
public class TenantDirectory {

    /** The platform itself: its operators log in with this code, and service tokens carry its id. */
    public static final String PLATFORM_CODE = "platform";

    static final String PLATFORM_NAME = "Platform";
    static final String PLATFORM_IMMUTABLE = "tenant.platform-immutable";

    private final TenantRepository tenants;
    private final Outbox outbox;
    private final Clock clock;

    TenantDirectory(TenantRepository tenants, Outbox outbox, Clock clock) {
        this.tenants = tenants;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<TenantRef> findByCode(String code) {
        return tenants.findByCode(Tenant.normalizeCode(code)).map(Tenant::toRef);
    }

    @Transactional(readOnly = true)
    public Optional<TenantRef> find(UUID id) {
        return tenants.findById(id).map(Tenant::toRef);
    }

    /** The platform tenant, which {@code PlatformTenantInitializer} registers at start. */
    @Transactional(readOnly = true)
    public TenantRef platform() {
        return findByCode(PLATFORM_CODE)
                .orElseThrow(() -> new IllegalStateException("The platform tenant is not registered"));
    }

    /** Every tenant, for the internal API other services bootstrap their read models from. */
    @Transactional(readOnly = true)
    List<InternalTenantView> listForServices() {
        return tenants.findAll().stream()
                .map(Tenant::toInternalView)
                .sorted(Comparator.comparing(InternalTenantView::code))
                .toList();
    }

    /** Every tenant, a page at a time, for platform operators. */
    @Transactional(readOnly = true)
    Page<TenantView> list(Pageable page) {
        return tenants.findAll(page).map(Tenant::toView);
    }

    /** Suspends a tenant for an operator; the platform itself cannot be suspended. */
    @Transactional
    TenantView suspendByOperator(UUID id) {
        Tenant tenant = tenants.findById(id).orElseThrow(() -> new NotFoundException("tenant", id));
        if (tenant.isPlatform()) {
            throw new BusinessRuleViolation(
                    PLATFORM_IMMUTABLE, "The platform tenant cannot be suspended: its operators would be locked out");
        }
        suspend(id);
        return tenant.toView();
    }

    @Transactional
    TenantView reactivateByOperator(UUID id) {
        reactivate(id);
        return tenants.findById(id).orElseThrow().toView();
    }

    /**
     * Returns the tenant with this code, registering it first if there is none (seeding, provisioning);
     * a registration publishes {@code user.tenant.created}.
     */
    @Transactional
    public TenantRef registerIfAbsent(String code, String name) {
        Optional<Tenant> existing = tenants.findByCode(Tenant.normalizeCode(code));
        if (existing.isPresent()) {
            return existing.get().toRef();
        }
        Tenant tenant = tenants.save(Tenant.register(code, name, clock.instant()));
        announce(tenant, TenantCreatedV1.TYPE, tenant.toCreatedEvent(), TenantCreatedV1.VERSION);
        return tenant.toRef();
    }

    /** Renames a tenant; publishes {@code user.tenant.updated} if the name changed. */
    @Transactional
    public TenantRef rename(UUID id, String name) {
        return change(id, tenant -> tenant.rename(name, clock.instant()));
    }

    /** Moves a tenant's business calendar; publishes {@code user.tenant.updated} if the zone changed. */
    @Transactional
    public TenantRef changeTimeZone(UUID id, ZoneId zone) {
        return change(id, tenant -> tenant.changeTimeZone(zone, clock.instant()));
    }

    /** Its people can no longer log in; publishes {@code user.tenant.updated} if it was active. */
    @Transactional
    public TenantRef suspend(UUID id) {
        return change(id, tenant -> tenant.changeStatus(TenantStatus.SUSPENDED, clock.instant()));
    }

    /** Publishes {@code user.tenant.updated} if it was suspended. */
    @Transactional
    public TenantRef reactivate(UUID id) {
        return change(id, tenant -> tenant.changeStatus(TenantStatus.ACTIVE, clock.instant()));
    }

    private TenantRef change(UUID id, Predicate<Tenant> change) {
        Tenant tenant = tenants.findById(id).orElseThrow(() -> new NotFoundException("tenant", id));
        if (change.test(tenant)) {
            announce(tenant, TenantUpdatedV1.TYPE, tenant.toUpdatedEvent(), TenantUpdatedV1.VERSION);
        }
        return tenant.toRef();
    }

    /** In the caller's transaction; the event belongs to the tenant itself, whoever is acting. */
    private void announce(Tenant tenant, String type, Object payload, int version) {
        TenantContext.runAs(tenant.id(), () -> outbox.append(type, tenant.id(), null, payload, version));
    }
}
