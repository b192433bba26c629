package com.propcloud.pms.common.web;

import java.util.List;
import java.util.function.Function;
import org.springframework.data.domain.Page;

/**
 * The platform's fixed page shape: {@code {"content":[…],"page":0,"size":20,"totalElements":N,
 * "totalPages":M}}. Clients rely on it; Spring Data's own {@code Page} JSON is not a contract.
 */
public record PageResponse<T>(List<T> content, int page, int size, long totalElements, int totalPages) {

    public static <E, T> PageResponse<T> of(Page<E> page, Function<E, T> toResponse) {
        return new PageResponse<>(
                page.getContent().stream().map(toResponse).toList(),
                page.getNumber(),
                page.getSize(),
                page.getTotalElements(),
                page.getTotalPages());
    }
}
