package com.propcloud.pms.asset.registry;

import com.propcloud.pms.common.problem.BusinessRuleViolation;
import com.propcloud.pms.common.tenant.directory.TenantDirectory;
import com.propcloud.pms.common.tenant.directory.TenantEntry;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The tenant's plan limits (max projects, max units over all its projects), as user-service sets them
 * and the tenant directory copies them; null is unlimited, and so is a tenant the directory does not
 * know (failing open: a lagging copy must not stop a tenant's work).
 *
 * <p>Call within the transaction that then inserts: for a limited tenant it first takes a
 * transaction-scoped advisory lock on the tenant, then counts, so two creations racing past the limit
 * are serialised and the second counts the first's row once it has committed (read committed: each
 * statement sees what committed before it). An advisory lock rather than {@code select … for update}
 * because asset-service has no row of its own per tenant (the directory's table is a read model that
 * its consumer must be free to update). Unlimited tenants take no lock.
 */
@Component
class PlanLimits {

    /** The advisory lock's first key: the plan-limit lock of a tenant, apart from any other lock's keys. */
    private static final int LOCK_SPACE = 0x504c414e; // "PLAN"

    private final TenantDirectory tenants;
    private final JdbcTemplate jdbc;

    PlanLimits(TenantDirectory tenants, DataSource dataSource) {
        this.tenants = tenants;
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** @throws BusinessRuleViolation 422 {@code plan.project-limit-reached} when one more would exceed it */
    void requireRoomForProject(UUID tenant) {
        Integer max = limit(tenant).map(TenantEntry::maxProjects).orElse(null);
        if (max == null) {
            return;
        }
        lock(tenant);
        if (count("project", tenant) + 1 > max) {
            throw new BusinessRuleViolation(
                    RegistryCodes.PLAN_PROJECT_LIMIT_REACHED,
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "The tenant's plan allows at most " + max + " projects");
        }
    }

    /** @throws BusinessRuleViolation 422 {@code plan.unit-limit-reached} when one more would exceed it */
    void requireRoomForUnits(UUID tenant, int adding) {
        unitLimitProblem(tenant, adding).ifPresent(detail -> {
            throw new BusinessRuleViolation(
                    RegistryCodes.PLAN_UNIT_LIMIT_REACHED, HttpStatus.UNPROCESSABLE_CONTENT, detail);
        });
    }

    /**
     * Why {@code adding} more units would exceed the plan, if they would (an import reports it as a
     * problem of the whole file). Locks as above when the tenant is limited and {@code adding > 0}.
     */
    Optional<String> unitLimitProblem(UUID tenant, int adding) {
        Integer max = limit(tenant).map(TenantEntry::maxUnits).orElse(null);
        if (max == null || adding <= 0) {
            return Optional.empty();
        }
        lock(tenant);
        long existing = count("unit", tenant);
        if (existing + adding <= max) {
            return Optional.empty();
        }
        return Optional.of("The tenant's plan allows at most " + max + " units; it has " + existing + " and " + adding
                + " more would exceed it");
    }

    private Optional<TenantEntry> limit(UUID tenant) {
        return tenants.findById(tenant);
    }

    private void lock(UUID tenant) {
        jdbc.queryForObject(
                "select 1 from pg_advisory_xact_lock(?, hashtext(?))", Integer.class, LOCK_SPACE, tenant.toString());
    }

    private long count(String table, UUID tenant) {
        // table is one of two constants; tenant-scoped explicitly as well as by row-level security
        Long count = jdbc.queryForObject("select count(*) from " + table + " where tenant_id = ?", Long.class, tenant);
        return count == null ? 0 : count;
    }
}
