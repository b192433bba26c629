package com.propcloud.pms.common.security;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is calling, read from the validated access token (claims fixed by architecture.md). Project
 * scope is empty for HQ roles, which see every project of their tenant.
 */
public record CurrentUser(
        UUID userId, UUID tenantId, String tenantCode, String kind, Set<String> roles, Set<UUID> projects) {

    public static final String STAFF = "staff";
    public static final String OWNER = "owner";
    public static final String OPERATOR = "operator";
    public static final String SERVICE = "service";

    public static CurrentUser from(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList("roles");
        List<String> projects = jwt.getClaimAsStringList("projects");
        return new CurrentUser(
                UUID.fromString(jwt.getSubject()),
                UUID.fromString(jwt.getClaimAsString("tid")),
                jwt.getClaimAsString("tenant"),
                jwt.getClaimAsString("kind"),
                roles == null ? Set.of() : Set.copyOf(roles),
                projects == null
                        ? Set.of()
                        : Set.copyOf(projects.stream().map(UUID::fromString).toList()));
    }

    /** The caller of the current request, if it carried a valid token. */
    public static Optional<CurrentUser> current() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof JwtAuthenticationToken token
                ? Optional.of(from(token.getToken()))
                : Optional.empty();
    }

    /**
     * The caller of an internal route ({@code /internal/**}, which the gateway never routes): a service
     * token ({@code kind: service}, from user-service's client-credentials endpoint); a person's token is
     * refused with 403.
     */
    public static CurrentUser requireService() {
        return current()
                .filter(caller -> SERVICE.equals(caller.kind()))
                .orElseThrow(() -> new AccessDeniedException("Only service tokens may use internal routes"));
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
