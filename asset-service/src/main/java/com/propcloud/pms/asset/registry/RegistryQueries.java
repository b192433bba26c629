package com.propcloud.pms.asset.registry;

import com.propcloud.pms.common.problem.InvalidParameterException;
import com.propcloud.pms.common.security.DataScope;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.springframework.data.jpa.domain.Specification;

/**
 * Building blocks of the list queries: the caller's data scope, and optional equality filters. Public
 * for asset-service's other features (equipment, plans, routes), which scope by project the same way.
 */
public final class RegistryQueries {

    private RegistryQueries() {}

    /**
     * Narrows to the caller's projects: nothing for a scope without projects (an empty IN list is not
     * SQL), everything for HQ. Row-level security has already narrowed to the tenant.
     */
    public static <T> Specification<T> inScope(DataScope scope, String projectAttribute) {
        return (root, query, cb) -> switch (scope.reach()) {
            case TENANT -> cb.conjunction();
            case PROJECTS ->
                scope.projects().isEmpty()
                        ? cb.disjunction()
                        : root.get(projectAttribute).in(scope.projects());
            case OWN -> cb.disjunction();
        };
    }

    /** {@code attribute = value}, or no restriction when the filter is absent. */
    public static <T> Specification<T> equal(String attribute, @Nullable Object value) {
        return (root, query, cb) -> value == null ? cb.conjunction() : cb.equal(root.get(attribute), value);
    }

    /** A query parameter naming an enum constant, refused as a validation error if it names none. */
    public static <E extends Enum<E>> @Nullable E parameter(String parameter, @Nullable String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Arrays.stream(type.getEnumConstants())
                .filter(e -> e.name().equalsIgnoreCase(value.strip()))
                .findFirst()
                .orElseThrow(() -> new InvalidParameterException(
                        parameter, "can be one of " + Arrays.toString(type.getEnumConstants())));
    }
}
