package com.propcloud.pms.common.web;

import com.propcloud.pms.common.problem.InvalidParameterException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * Turns the fixed query parameters {@code ?page=0&size=20&sort=field,desc} into a {@link Pageable},
 * refusing what would hurt: a page size above 200, a negative page, or sorting by a field the
 * resource does not offer (which would otherwise reach the database as an arbitrary column name).
 */
public final class PageQuery {

    public static final int MAX_SIZE = 200;
    public static final int DEFAULT_SIZE = 20;

    private PageQuery() {}

    /**
     * @param sortable the API field names clients may sort by, each equal to the entity property
     * @param defaultSort applied when the client names none
     */
    public static Pageable of(
            @Nullable Integer page,
            @Nullable Integer size,
            @Nullable List<String> sort,
            Set<String> sortable,
            Sort defaultSort) {
        int pageNumber = page == null ? 0 : page;
        int pageSize = size == null ? DEFAULT_SIZE : size;
        if (pageNumber < 0) {
            throw invalid("page", "must be 0 or more");
        }
        if (pageSize < 1 || pageSize > MAX_SIZE) {
            throw invalid("size", "must be between 1 and " + MAX_SIZE);
        }
        Sort order = sort == null || sort.isEmpty() ? defaultSort : parse(sort, sortable);
        return PageRequest.of(pageNumber, pageSize, order);
    }

    /**
     * The same for a native SQL query: the client sorts by API field names, the query by the columns
     * {@code columns} maps them to, with {@code id} last so that equal values page stably.
     *
     * @param columns API field name to column name, the fields clients may sort by
     * @param defaultSort in API field names
     */
    public static Pageable ofColumns(
            @Nullable Integer page,
            @Nullable Integer size,
            @Nullable List<String> sort,
            Map<String, String> columns,
            Sort defaultSort) {
        Pageable requested = of(page, size, sort, columns.keySet(), defaultSort);
        Sort byColumn = Sort.by(requested.getSort().stream()
                .map(order -> new Sort.Order(order.getDirection(), columns.get(order.getProperty())))
                .toList());
        return PageRequest.of(requested.getPageNumber(), requested.getPageSize(), byColumn.and(Sort.by("id")));
    }

    /** Accepts {@code sort=a,desc&sort=b} and the comma-joined {@code sort=a,desc,b,asc}'s first pair. */
    private static Sort parse(List<String> sort, Set<String> sortable) {
        List<Sort.Order> orders = new ArrayList<>();
        for (int i = 0; i < sort.size(); i++) {
            String field = sort.get(i).trim();
            Sort.Direction direction = Sort.Direction.ASC;
            if (i + 1 < sort.size() && isDirection(sort.get(i + 1))) {
                direction = Sort.Direction.fromString(sort.get(++i).trim());
            }
            if (!sortable.contains(field)) {
                throw invalid(
                        "sort", "can be one of " + sortable.stream().sorted().toList());
            }
            orders.add(new Sort.Order(direction, field));
        }
        return Sort.by(orders);
    }

    private static boolean isDirection(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        return v.equals("asc") || v.equals("desc");
    }

    private static InvalidParameterException invalid(String parameter, String message) {
        return new InvalidParameterException(parameter, message);
    }
}
