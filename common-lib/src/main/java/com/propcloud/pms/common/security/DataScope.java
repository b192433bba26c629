package com.propcloud.pms.common.security;

import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/**
 * Which of its tenant's objects the caller may touch, on top of what its roles allow: every object
 * (HQ admins), the objects of some projects (every other staff member), or the objects it owns itself
 * (owners, by {@code sub}). Row-level security already hides other tenants; this narrows the tenant.
 *
 * <p>It fails closed: a staff token without {@code HQ_ADMIN} is scoped to exactly the projects its
 * {@code projects} claim names, and to none when the claim is absent (user-service omits it only for
 * tenant-wide roles, so an absent claim on a scoped role is a token to distrust, not a licence to see
 * everything). Service tokens and unknown kinds reach no tenant data through a user-facing route.
 * Services apply the scope in their queries, and answer an object outside it exactly as a missing one
 * ({@link com.propcloud.pms.common.problem.NotFoundException}).
 *
 * @param subject the caller's user id ({@code sub}); an owner's objects carry it
 * @param reach how far the caller sees
 * @param projects the project ids in scope; empty unless {@code reach} is {@link Reach#PROJECTS}
 */
public record DataScope(UUID subject, Reach reach, Set<UUID> projects) {

    /** Role that sees every project of its tenant (user-service issues it without {@code projects}). */
    public static final String HQ_ADMIN = "HQ_ADMIN";

    public static final String PLATFORM_OPERATOR = "PLATFORM_OPERATOR";

    public enum Reach {
        /** Every object of the tenant. */
        TENANT,
        /** Objects of the projects in {@link #projects()}, and nothing without a project. */
        PROJECTS,
        /** Only objects the caller owns: an owner's units, bills, tickets and messages. */
        OWN
    }

    public DataScope {
        projects = Set.copyOf(projects);
        if (reach != Reach.PROJECTS && !projects.isEmpty()) {
            throw new IllegalArgumentException("Only a project scope names projects");
        }
    }

    public static DataScope of(CurrentUser user) {
        return switch (user.kind()) {
            case CurrentUser.STAFF ->
                user.hasRole(HQ_ADMIN)
                        ? new DataScope(user.userId(), Reach.TENANT, Set.of())
                        : new DataScope(user.userId(), Reach.PROJECTS, user.projects());
            case CurrentUser.OPERATOR ->
                // operators act on the platform tenant; row-level security keeps them there
                user.hasRole(PLATFORM_OPERATOR)
                        ? new DataScope(user.userId(), Reach.TENANT, Set.of())
                        : new DataScope(user.userId(), Reach.PROJECTS, Set.of());
            case CurrentUser.OWNER -> new DataScope(user.userId(), Reach.OWN, Set.of());
            default -> new DataScope(user.userId(), Reach.PROJECTS, Set.of());
        };
    }

    /**
     * The scope of the current request's caller. Routes are authenticated before a controller runs,
     * so a missing token here is a wiring mistake; it is refused rather than given a scope.
     */
    public static DataScope current() {
        return CurrentUser.current()
                .map(DataScope::of)
                .orElseThrow(() -> new AccessDeniedException("No authenticated caller"));
    }

    public boolean tenantWide() {
        return reach == Reach.TENANT;
    }

    public boolean isOwner() {
        return reach == Reach.OWN;
    }

    /** Whether an object of this project (null: an object of no project) is in scope for staff. */
    public boolean coversProject(@Nullable UUID projectId) {
        return switch (reach) {
            case TENANT -> true;
            case PROJECTS -> projectId != null && projects.contains(projectId);
            case OWN -> false;
        };
    }

    /** Whether the caller is the owner this object belongs to. */
    public boolean owns(@Nullable UUID ownerId) {
        return reach == Reach.OWN && subject.equals(ownerId);
    }

    /** Staff routes: an owner's token is refused (403) even if it somehow carried a staff role. */
    public DataScope requireStaff() {
        if (reach == Reach.OWN) {
            throw new AccessDeniedException("This route is for staff");
        }
        return this;
    }

    /** The owners' app: anyone but an owner is refused (403). */
    public DataScope requireOwner() {
        if (reach != Reach.OWN) {
            throw new AccessDeniedException("This route is for owners");
        }
        return this;
    }
}
