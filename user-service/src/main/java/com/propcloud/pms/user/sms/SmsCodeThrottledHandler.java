package com.propcloud.pms.user.sms;

import com.propcloud.pms.common.problem.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Adds {@code Retry-After} (whole seconds, rounded up, at least 1) to the 429 problem of a throttled
 * code request, from whichever controller asked for the code. Ordered before common-lib's handler,
 * which would otherwise answer it as a plain business rule violation.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE - 20)
class SmsCodeThrottledHandler {

    @ExceptionHandler(SmsCodeThrottledException.class)
    ResponseEntity<ProblemDetail> throttled(SmsCodeThrottledException ex, HttpServletRequest http) {
        ProblemDetail problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, ex.code(), ex.getMessage());
        problem.setInstance(URI.create(http.getRequestURI()));
        long millis = Math.max(0, ex.retryAfter().toMillis());
        long seconds = Math.max(1, (millis + 999) / 1000);
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
