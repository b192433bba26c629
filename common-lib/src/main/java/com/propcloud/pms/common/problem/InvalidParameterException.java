package com.propcloud.pms.common.problem;

/**
 * A query or path parameter out of range or not among the allowed values; answered as a {@code
 * validation-failed} problem that names the parameter.
 */
public class InvalidParameterException extends RuntimeException {

    private final String parameter;

    public InvalidParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
