package com.propcloud.pms.user.sms;

import com.propcloud.pms.common.problem.BusinessRuleViolation;
import java.time.Duration;
import org.springframework.http.HttpStatus;

/**
 * A phone asked for a code too soon after the last one, or too often today. Answered 429 with code
 * {@code auth.sms-code-throttled} and {@code Retry-After} by {@link SmsCodeThrottledHandler}; being a
 * {@link BusinessRuleViolation}, it still renders as that problem (without the header) wherever the
 * handler is absent.
 */
public class SmsCodeThrottledException extends BusinessRuleViolation {

    public static final String CODE = "auth.sms-code-throttled";

    private final Duration retryAfter;

    public SmsCodeThrottledException(Duration retryAfter) {
        super(CODE, HttpStatus.TOO_MANY_REQUESTS, "Too many SMS codes for this phone; try again later");
        this.retryAfter = retryAfter;
    }

    /** How long until this phone may get a code again. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
