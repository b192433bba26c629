package com.propcloud.pms.user.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.propcloud.pms.common.audit.AuditLog;
import com.propcloud.pms.user.UserServiceTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Logins, accepted or refused, land in the tenant's audit trail without the username or password. */
@UserServiceTest
class LoginAuditIT {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

    @Autowired
    RestTestClient client;

    @Autowired
    AuditLog audit;

    @Test
    void refusedAndAcceptedLoginsAreAuditedWithoutSecrets() {
        login("finance", "Wrong#Password1");
        String token = (String) login("admin", "Demo#2026").get("accessToken");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            audit.flush(Duration.ofSeconds(2));
            List<Map<String, Object>> failed = events(token, "auth.login.failed");
            List<Map<String, Object>> succeeded = events(token, "auth.login.succeeded");
            assertThat(failed).isNotEmpty();
            assertThat(succeeded).isNotEmpty();
            assertThat(failed.toString()).doesNotContain("Wrong#Password1").doesNotContain("finance");
        });
    }

    private Map<String, Object> login(String username, String password) {
        return client.post()
                .uri("/api/v1/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("tenant", "demo", "username", username, "password", password))
                .exchange()
                .returnResult(JSON)
                .getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> events(String token, String action) {
        Map<String, Object> page = client.get()
                .uri("/api/v1/audit-events?action=" + action)
                .header("Authorization", "Bearer " + token)
                .exchange()
                .returnResult(JSON)
                .getResponseBody();
        return (List<Map<String, Object>>) page.get("content");
    }
}
