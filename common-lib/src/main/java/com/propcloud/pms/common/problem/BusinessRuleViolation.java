package com.propcloud.pms.common.problem;

import org.springframework.http.HttpStatus;

/**
 * A request that is well formed but breaks a rule of the domain, e.g. rating a ticket that is not
 * resolved yet. Carries the stable code clients branch on; answered as a problem with that code.
 */
public class BusinessRuleViolation extends RuntimeException {

    private final String code;
    private final HttpStatus status;

    public BusinessRuleViolation(String code, String detail) {
        this(code, HttpStatus.CONFLICT, detail);
    }

    public BusinessRuleViolation(String code, HttpStatus status, String detail) {
        super(detail);
        this.code = code;
        this.status = status;
    }

    public String code() {
        return code;
    }

    public HttpStatus status() {
        return status;
    }
}
