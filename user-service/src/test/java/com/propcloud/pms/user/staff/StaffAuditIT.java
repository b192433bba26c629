package com.propcloud.pms.user.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.propcloud.pms.common.audit.AuditEvent;
import com.propcloud.pms.common.audit.AuditLog;
import com.propcloud.pms.common.audit.AuditQuery;
import com.propcloud.pms.common.audit.AuditTrail;
import com.propcloud.pms.user.UserServiceTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

/** What an HQ admin does to staff accounts lands in the audit trail: who, what, which fields; never a password. */
@UserServiceTest
class StaffAuditIT {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

    @Autowired
    RestTestClient client;

    @Autowired
    AuditLog audit;

    @Autowired
    AuditTrail trail;

    String admin;

    @BeforeEach
    void logIn() {
        admin = (String) client.post()
                .uri("/api/v1/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("tenant", "demo", "username", "admin", "password", "Demo#2026"))
                .exchange()
                .returnResult(JSON)
                .getResponseBody()
                .get("accessToken");
    }

    @Test
    void everyManagementActionIsAuditedWithoutPasswords() {
        String chosenPassword = "Chosen#Pass2026x";
        var created = call(
                HttpMethod.POST,
                "/api/v1/staff",
                Map.of(
                        "username",
                        "audit-" + UUID.randomUUID().toString().substring(0, 8),
                        "displayName",
                        "Audit Subject",
                        "roles",
                        List.of("TECHNICIAN"),
                        "password",
                        chosenPassword));
        assertThat(created.getStatus()).isEqualTo(HttpStatus.CREATED);
        String id = (String) created.getResponseBody().get("id");
        String path = "/api/v1/staff/" + id;

        call(HttpMethod.PATCH, path, Map.of("displayName", "Audit Subject II", "roles", List.of("FRONT_DESK")));
        call(HttpMethod.POST, path + "/disable", Map.of());
        call(HttpMethod.POST, path + "/enable", Map.of());
        String oneTimePassword = (String) call(HttpMethod.POST, path + "/force-password-reset", Map.of())
                .getResponseBody()
                .get("oneTimePassword");
        assertThat(call(HttpMethod.DELETE, path, null).getStatus()).isEqualTo(HttpStatus.NO_CONTENT);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            audit.flush(Duration.ofSeconds(2));
            List<AuditEvent> events = trail.find(
                            new AuditQuery(null, null, "staff.*", id, null, null), PageRequest.of(0, 20))
                    .getContent();
            assertThat(events)
                    .extracting(AuditEvent::action)
                    .containsExactlyInAnyOrder(
                            "staff.created",
                            "staff.updated",
                            "staff.disabled",
                            "staff.enabled",
                            "staff.password-reset-forced",
                            "staff.deleted");
            assertThat(events).allSatisfy(event -> {
                assertThat(event.actor()).isNotNull();
                assertThat(event.tenantId()).isNotNull();
            });
            assertThat(events.toString()).doesNotContain(chosenPassword).doesNotContain(oneTimePassword);
        });
    }

    @Test
    void anUpdateNamesTheChangedFieldsAndTheRolesBeforeAndAfter() {
        String id = (String) call(
                        HttpMethod.POST,
                        "/api/v1/staff",
                        Map.of(
                                "username",
                                "roles-" + UUID.randomUUID().toString().substring(0, 8),
                                "displayName",
                                "Role Changer",
                                "roles",
                                List.of("TECHNICIAN"),
                                "skills",
                                List.of("HVAC")))
                .getResponseBody()
                .get("id");

        call(HttpMethod.PATCH, "/api/v1/staff/" + id, Map.of("roles", List.of("SECURITY"), "skills", List.of()));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            audit.flush(Duration.ofSeconds(2));
            List<AuditEvent> updates = trail.find(
                            new AuditQuery(null, null, "staff.updated", id, null, null), PageRequest.of(0, 5))
                    .getContent();
            assertThat(updates).singleElement().satisfies(event -> assertThat(event.details())
                    .containsEntry("fields", "roles,skills")
                    .containsEntry("rolesBefore", "[TECHNICIAN]")
                    .containsEntry("rolesAfter", "[SECURITY]"));
        });
    }

    @Test
    void aRefusedChangeLeavesNoAuditEntry() {
        String me = (String)
                call(HttpMethod.GET, "/api/v1/me", null).getResponseBody().get("userId");

        var refused = call(HttpMethod.POST, "/api/v1/staff/" + me + "/disable", Map.of());

        assertThat(refused.getStatus()).isEqualTo(HttpStatus.CONFLICT);
        audit.flush(Duration.ofSeconds(2));
        assertThat(trail.find(new AuditQuery(null, null, "staff.disabled", me, null, null), PageRequest.of(0, 5))
                        .getContent())
                .isEmpty();
    }

    private EntityExchangeResult<Map<String, Object>> call(HttpMethod method, String path, Object body) {
        var request = client.method(method)
                .uri(path)
                .header("Authorization", "Bearer " + admin)
                .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.exchange().returnResult(JSON);
    }
}
