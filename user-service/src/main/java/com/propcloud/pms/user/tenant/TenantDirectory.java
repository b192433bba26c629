package com.propcloud.pms.user.tenant;

import com.propcloud.pms.common.audit.AuditEvent;
import com.propcloud.pms.common.audit.AuditLog;
import com.propcloud.pms.common.messaging.outbox.Outbox;
import com.propcloud.pms.common.pii.Phones;
import com.propcloud.pms.common.problem.BusinessRuleViolation;
import com.propcloud.pms.common.problem.InvalidParameterException;
import com.propcloud.pms.common.problem.NotFoundException;
import com.propcloud.pms.common.tenant.TenantContext;
import com.propcloud.pms.user.crypto.FieldCipher;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
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
    static final String CODE_TAKEN = "tenant.code-taken";

    private static final String TENANT = "tenant";

    private final TenantRepository tenants;
    private final Outbox outbox;
    private final FieldCipher cipher;
    private final AuditLog audit;
    private final Clock clock;

    TenantDirectory(TenantRepository tenants, Outbox outbox, FieldCipher cipher, AuditLog audit, Clock clock) {
        this.tenants = tenants;
        this.outbox = outbox;
        this.cipher = cipher;
        this.audit = audit;
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
        return tenants.findAll(page).map(tenant -> tenant.toView(cipher));
    }

    @Transactional(readOnly = true)
    TenantView get(UUID id) {
        return load(id).toView(cipher);
    }

    /**
     * Registers a tenant for an operator: publishes {@code user.tenant.created} and records {@code
     * tenant.created}. A code in use already (in any case) is refused with {@value #CODE_TAKEN}.
     */
    @Transactional
    TenantView create(TenantRequests.Create request) {
        String code = Tenant.normalizeCode(request.code());
        if (tenants.findByCode(code).isPresent()) {
            throw codeTaken();
        }
        Instant now = now();
        Tenant tenant = Tenant.register(code, request.name(), zone(request.timeZone()), now);
        tenant.changeContact(
                request.contactName(), normalisePhone(request.contactPhone()), request.contactEmail(), cipher);
        TenantRequests.Limits limits = request.limits();
        if (limits != null) {
            tenant.changeLimits(limits.maxProjects(), limits.maxUnits(), now);
        }
        try {
            tenants.saveAndFlush(tenant);
        } catch (DataIntegrityViolationException raced) {
            throw codeTaken();
        }
        announce(tenant, TenantCreatedV1.TYPE, tenant.toCreatedEvent(), TenantCreatedV1.VERSION);
        audit.recordAfterCommit(AuditEvent.builder("tenant.created")
                .byCurrentUser()
                // filed under the tenant concerned, so its HQ admins see it too
                .tenant(tenant.id())
                .target(TENANT, tenant.id())
                .detail("code", code)
                .build());
        return tenant.toView(cipher);
    }

    /**
     * Applies an operator's changes. Name, time zone, status and plan limits publish one {@code
     * user.tenant.updated} (they are what other services copy); the contact is this service's own. The audit trail
     * gets {@code tenant.updated} naming the changed fields (never their values: the phone is personal
     * data), and {@code tenant.suspended} or {@code tenant.reactivated} for a change of status.
     */
    @Transactional
    TenantView update(UUID id, TenantRequests.Change request) {
        Tenant tenant = load(id);
        if (request.code() != null && !Tenant.normalizeCode(request.code()).equals(tenant.code())) {
            throw new InvalidParameterException("code", "cannot be changed: people log in with it");
        }
        Instant now = now();
        List<String> changed = new ArrayList<>();
        boolean copied = false;
        if (request.name() != null && tenant.rename(request.name(), now)) {
            changed.add("name");
            copied = true;
        }
        if (request.timeZone() != null && tenant.changeTimeZone(zone(request.timeZone()), now)) {
            changed.add("timeZone");
            copied = true;
        }
        changed.addAll(tenant.changeContact(
                request.contactName(), normalisePhone(request.contactPhone()), request.contactEmail(), cipher));
        if (request.limits() != null) {
            List<String> limits = tenant.changeLimits(
                    request.limits().maxProjects(), request.limits().maxUnits(), now);
            changed.addAll(limits);
            // asset-service enforces the limits from its copy
            copied |= !limits.isEmpty();
        }
        TenantStatus status = request.status() == null ? null : TenantStatus.valueOf(request.status());
        boolean statusChanged = status != null && status != tenant.status();
        if (statusChanged) {
            requireNotPlatform(tenant, status);
            tenant.changeStatus(status, now);
            copied = true;
        }
        if (copied) {
            announce(tenant, TenantUpdatedV1.TYPE, tenant.toUpdatedEvent(), TenantUpdatedV1.VERSION);
        }
        if (!changed.isEmpty()) {
            audit.recordAfterCommit(AuditEvent.builder("tenant.updated")
                    .byCurrentUser()
                    .tenant(tenant.id())
                    .target(TENANT, tenant.id())
                    .detail("code", tenant.code())
                    .detail("fields", String.join(",", changed))
                    .build());
        }
        if (statusChanged) {
            auditStatus(tenant);
        }
        return tenant.toView(cipher);
    }

    /** Suspends a tenant for an operator; the platform itself cannot be suspended. */
    @Transactional
    TenantView suspendByOperator(UUID id) {
        Tenant tenant = load(id);
        requireNotPlatform(tenant, TenantStatus.SUSPENDED);
        if (tenant.status() != TenantStatus.SUSPENDED) {
            suspend(id);
            auditStatus(tenant);
        }
        return tenant.toView(cipher);
    }

    @Transactional
    TenantView reactivateByOperator(UUID id) {
        Tenant tenant = load(id);
        if (tenant.status() != TenantStatus.ACTIVE) {
            reactivate(id);
            auditStatus(tenant);
        }
        return tenant.toView(cipher);
    }

    /**
     * Re-encrypts contact phones written under an older encryption key with the current one (after a
     * rotation of {@code pms.crypto.current-key}); there are few tenants, so at start, all at once.
     *
     * @return how many were re-encrypted
     */
    @Transactional
    int rotateContactPhones() {
        int rotated = 0;
        for (Tenant tenant : tenants.findAll()) {
            if (tenant.rotateContactPhone(cipher)) {
                rotated++;
            }
        }
        return rotated;
    }

    private void auditStatus(Tenant tenant) {
        String action = tenant.status() == TenantStatus.SUSPENDED ? "tenant.suspended" : "tenant.reactivated";
        audit.recordAfterCommit(AuditEvent.builder(action)
                .byCurrentUser()
                // filed under the tenant concerned, so its HQ admins see it too
                .tenant(tenant.id())
                .target(TENANT, tenant.id())
                .detail("code", tenant.code())
                .build());
    }

    private static void requireNotPlatform(Tenant tenant, TenantStatus status) {
        if (tenant.isPlatform() && status == TenantStatus.SUSPENDED) {
            throw new BusinessRuleViolation(
                    PLATFORM_IMMUTABLE, "The platform tenant cannot be suspended: its operators would be locked out");
        }
    }

    /** To the microsecond, as PostgreSQL keeps it: the answer then equals what a later read returns. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private Tenant load(UUID id) {
        return tenants.findById(id).orElseThrow(() -> new NotFoundException(TENANT, id));
    }

    private static ZoneId zone(@Nullable String timeZone) {
        if (timeZone == null || timeZone.isBlank()) {
            return Tenant.DEFAULT_TIME_ZONE;
        }
        try {
            // region ids only ("Asia/Shanghai"): business dates follow the region's rules, not a fixed offset
            ZoneId zone = ZoneId.of(timeZone.strip());
            if (!ZoneId.getAvailableZoneIds().contains(zone.getId())) {
                throw new DateTimeException("not a region");
            }
            return zone;
        } catch (DateTimeException e) {
            throw new InvalidParameterException("timeZone", "must be an IANA time zone such as Asia/Shanghai");
        }
    }

    /** A mobile number in its 11-digit form, any other number without blanks and dashes; empty stays empty. */
    private static @Nullable String normalisePhone(@Nullable String phone) {
        if (phone == null || phone.isBlank()) {
            return phone == null ? null : "";
        }
        return Phones.normalise(phone).orElseGet(() -> phone.replaceAll("[\\s-]", ""));
    }

    private static BusinessRuleViolation codeTaken() {
        return new BusinessRuleViolation(CODE_TAKEN, "A tenant with this code exists already");
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
