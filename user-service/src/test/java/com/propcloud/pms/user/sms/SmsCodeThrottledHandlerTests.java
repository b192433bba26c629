package com.propcloud.pms.user.sms;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.propcloud.pms.common.problem.ProblemExceptionHandler;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The 429 a throttled code request gets, next to common-lib's handler as in the running service. */
class SmsCodeThrottledHandlerTests {

    @RestController
    static class ThrottledController {

        @PostMapping("/api/v1/auth/sms-codes")
        void request(@RequestParam long retryAfterMillis) {
            throw new SmsCodeThrottledException(Duration.ofMillis(retryAfterMillis));
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new ThrottledController())
            .setControllerAdvice(new ProblemExceptionHandler(), new SmsCodeThrottledHandler())
            .build();

    @Test
    void answersAProblemWithItsCodeAndRetryAfter() throws Exception {
        mvc.perform(post("/api/v1/auth/sms-codes").param("retryAfterMillis", "42000"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "42"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("auth.sms-code-throttled"))
                .andExpect(jsonPath("$.type").value("urn:pms:problem:auth.sms-code-throttled"))
                .andExpect(jsonPath("$.status").value(429))
                .andExpect(jsonPath("$.instance").value("/api/v1/auth/sms-codes"));
    }

    @Test
    void roundsRetryAfterUpToWholeSeconds() throws Exception {
        mvc.perform(post("/api/v1/auth/sms-codes").param("retryAfterMillis", "1500"))
                .andExpect(header().string("Retry-After", "2"));
    }

    @Test
    void neverAsksForLessThanOneSecond() throws Exception {
        mvc.perform(post("/api/v1/auth/sms-codes").param("retryAfterMillis", "0"))
                .andExpect(header().string("Retry-After", "1"));
    }
}
