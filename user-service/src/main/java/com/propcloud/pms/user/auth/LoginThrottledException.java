package com.propcloud.pms.user.auth;

import java.time.Duration;

/** A client address that failed to log in too often; answered 429 with {@code Retry-After}. */
class LoginThrottledException extends RuntimeException {

    private final Duration retryAfter;

    LoginThrottledException(Duration retryAfter) {
        super("Too many failed logins from this address; try again later");
        this.retryAfter = retryAfter;
    }

    Duration retryAfter() {
        return retryAfter;
    }
}
