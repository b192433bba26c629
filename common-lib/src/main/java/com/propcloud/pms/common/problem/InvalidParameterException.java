package com.propcloud.pms.common.problem;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A query or path parameter out of range or not among the allowed values; answered as a {@code
 * validation-failed} problem that names the parameter.
 */
public class InvalidParameterException extends RuntimeException {

    private final Map<String, String> problems;

    public InvalidParameterException(String parameter, String message) {
        this(Map.of(parameter, message));
    }

    /** Several parameters wrong at once, each named with its problem (in the given order). */
    public InvalidParameterException(Map<String, String> problems) {
        super(String.join("; ", problems.values()));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("At least one parameter must be named");
        }
        this.problems = Collections.unmodifiableMap(new LinkedHashMap<>(problems));
    }

    /** The first parameter named. */
    public String parameter() {
        return problems.keySet().iterator().next();
    }

    public Map<String, String> problems() {
        return problems;
    }
}
