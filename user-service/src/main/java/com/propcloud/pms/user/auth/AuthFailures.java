package com.propcloud.pms.user.auth;

import com.propcloud.pms.common.problem.BusinessRuleViolation;
import org.springframework.http.HttpStatus;

/**
 * The two answers a refused login or refresh gets. Each is one fixed problem whatever the reason
 * (unknown tenant or user, wrong password, disabled account, suspended tenant; expired, unknown or
 * replayed token), so the answer tells a prober nothing.
 */
final class AuthFailures {

    static final String INVALID_CREDENTIALS = "auth.invalid-credentials";
    static final String INVALID_REFRESH_TOKEN = "auth.invalid-refresh-token";
    static final String INVALID_SMS_CODE = "auth.invalid-sms-code";

    private AuthFailures() {}

    static BusinessRuleViolation invalidCredentials() {
        return new BusinessRuleViolation(
                INVALID_CREDENTIALS,
                HttpStatus.UNAUTHORIZED,
                "The tenant, username or phone, password or code is not correct");
    }

    static BusinessRuleViolation invalidSmsCode() {
        return new BusinessRuleViolation(
                INVALID_SMS_CODE,
                HttpStatus.BAD_REQUEST,
                "The code is not correct, has expired or was used up; request a new one");
    }

    static BusinessRuleViolation invalidRefreshToken() {
        return new BusinessRuleViolation(
                INVALID_REFRESH_TOKEN, HttpStatus.UNAUTHORIZED, "The refresh token is not valid; log in again");
    }
}
