package com.propcloud.pms.common.problem;

/**
 * Nothing visible to the caller has this id. Also what another tenant's id or an id outside the
 * caller's scope answers, so that a probe cannot tell "exists elsewhere" from "does not exist".
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " was not found");
    }
}
