package com.propcloud.pms.user.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.propcloud.pms.common.audit.AuditEvent;
import com.propcloud.pms.common.audit.AuditLog;
import com.propcloud.pms.user.UserServiceTest;
import com.propcloud.pms.user.key.SigningKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * {@code GET /api/v1/audit-events} with tokens signed by this service's own key: an HQ admin sees only the
 * token's tenant, an operator any or all, anyone else is refused. Each test writes its own events into
 * a time window of its own, far in the past, so events recorded by other tests (logins) never interfere.
 */
@UserServiceTest
class AuditEventsApiIT {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

    @Autowired
    RestTestClient client;

    @Autowired
    AuditLog audit;

    @Autowired
    JwtEncoder encoder;

    @Autowired
    SigningKeys keys;

    Login demoAdmin;
    Login acmeAdmin;
    Login operator;
    Instant window;

    record Login(String token, UUID userId, UUID tenantId) {}

    @BeforeEach
    void setUp() {
        demoAdmin = token(UUID.randomUUID(), "audit-a", "staff", "HQ_ADMIN");
        acmeAdmin = token(UUID.randomUUID(), "audit-b", "staff", "HQ_ADMIN");
        operator = token(UUID.randomUUID(), "platform", "operator", "PLATFORM_OPERATOR");
        // a minute of its own in 2001
        window = Instant.parse("2001-01-01T00:00:00Z")
                .plusSeconds(60L * ThreadLocalRandom.current().nextInt(0, 500_000));
    }

    @Test
    void hqAdminSeesOnlyTheirOwnTenantsEvents() {
        UUID demoTarget = UUID.randomUUID();
        UUID acmeTarget = UUID.randomUUID();
        record(demoAdmin, "staff.created", demoTarget, 1);
        record(acmeAdmin, "staff.created", acmeTarget, 2);
        audit.flush(Duration.ofSeconds(20));

        List<Map<String, Object>> demoSees = content(get(demoAdmin, window()));
        assertThat(demoSees)
                .extracting(e -> e.get("tenantId"))
                .containsOnly(demoAdmin.tenantId().toString());
        assertThat(targets(demoSees)).containsExactly(demoTarget.toString());

        List<Map<String, Object>> acmeSees = content(get(acmeAdmin, window()));
        assertThat(targets(acmeSees)).containsExactly(acmeTarget.toString());

        // and never B's, whatever the filter, even without a time window
        var byTarget = get(demoAdmin, "targetId=" + acmeTarget);
        assertThat(byTarget.getStatus()).isEqualTo(HttpStatus.OK);
        assertThat(content(byTarget)).isEmpty();
        assertThat(content(get(demoAdmin, "size=200")))
                .extracting(e -> e.get("tenantId"))
                .containsOnly(demoAdmin.tenantId().toString());
    }

    @Test
    void anHqAdminCannotChooseAnotherTenant() {
        var answer = get(demoAdmin, "tenantId=" + acmeAdmin.tenantId());

        assertThat(answer.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getResponseBody().toString()).contains("tenantId");
    }

    @Test
    void filtersByActorActionTargetAndTimeNewestFirst() {
        UUID target = UUID.randomUUID();
        record(demoAdmin, "auth.login.succeeded", demoAdmin.userId(), 1);
        record(demoAdmin, "staff.roles.changed", target, 2);
        record(demoAdmin, "staff.created", target, 3);
        audit.flush(Duration.ofSeconds(20));

        var all = get(demoAdmin, window());
        assertThat(actions(content(all)))
                .containsExactly("staff.created", "staff.roles.changed", "auth.login.succeeded");
        assertThat(all.getResponseBody())
                .containsEntry("page", 0)
                .containsEntry("size", 20)
                .containsEntry("totalElements", 3)
                .containsEntry("totalPages", 1);

        assertThat(actions(content(get(demoAdmin, window() + "&action=staff.roles.changed"))))
                .containsExactly("staff.roles.changed");
        assertThat(actions(content(get(demoAdmin, window() + "&action=staff.*"))))
                .containsExactly("staff.created", "staff.roles.changed");
        assertThat(actions(content(get(demoAdmin, window() + "&targetId=" + target))))
                .containsExactly("staff.created", "staff.roles.changed");
        assertThat(actions(content(get(demoAdmin, window() + "&actor=" + demoAdmin.userId()))))
                .hasSize(3);
        assertThat(actions(content(get(demoAdmin, window() + "&actor=" + UUID.randomUUID()))))
                .isEmpty();
        String secondOnly = "from=" + window.plusSeconds(2) + "&to=" + window.plusSeconds(3);
        assertThat(actions(content(get(demoAdmin, secondOnly)))).containsExactly("staff.roles.changed");

        var firstPage = get(demoAdmin, window() + "&size=2&page=1");
        assertThat(actions(content(firstPage))).containsExactly("auth.login.succeeded");
        assertThat(firstPage.getResponseBody()).containsEntry("totalPages", 2);
    }

    @Test
    void operatorSeesEveryTenantOrTheOneTheyName() {
        UUID demoTarget = UUID.randomUUID();
        UUID acmeTarget = UUID.randomUUID();
        record(demoAdmin, "tenant.suspended", demoTarget, 1);
        record(acmeAdmin, "tenant.suspended", acmeTarget, 2);
        audit.flush(Duration.ofSeconds(20));

        assertThat(targets(content(get(operator, window()))))
                .containsExactly(acmeTarget.toString(), demoTarget.toString());
        assertThat(targets(content(get(operator, window() + "&tenantId=" + acmeAdmin.tenantId()))))
                .containsExactly(acmeTarget.toString());
    }

    @Test
    void othersAreRefused() {
        Login technician = token(demoAdmin.tenantId(), "audit-a", "staff", "TECHNICIAN");
        Login operatorKindWithoutRole = token(UUID.randomUUID(), "platform", "operator", "HQ_ADMIN");
        assertThat(get(operatorKindWithoutRole, "").getStatus()).isEqualTo(HttpStatus.FORBIDDEN);

        var answer = get(technician, "");

        assertThat(answer.getStatus()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(answer.getResponseBody()).containsEntry("code", "auth.forbidden");
        assertThat(client.get()
                        .uri("/api/v1/audit-events")
                        .exchange()
                        .returnResult(JSON)
                        .getStatus())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void badParametersAnswer400NamingTheField() {
        assertBadParameter(get(demoAdmin, "from=yesterday"), "from");
        assertBadParameter(get(demoAdmin, "to=2026-13-01T00:00:00Z"), "to");
        assertBadParameter(get(demoAdmin, "from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z"), "to");
        assertBadParameter(get(demoAdmin, "size=201"), "size");
        assertBadParameter(get(demoAdmin, "action=DROP TABLE"), "action");
        assertBadParameter(get(operator, "tenantId=not-a-uuid"), "tenantId");
    }

    @SuppressWarnings("unchecked")
    private static void assertBadParameter(EntityExchangeResult<Map<String, Object>> answer, String field) {
        assertThat(answer.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getResponseBody()).containsEntry("code", "validation-failed");
        assertThat((List<Map<String, Object>>) answer.getResponseBody().get("errors"))
                .extracting(e -> e.get("field"))
                .containsExactly(field);
    }

    private void record(Login actor, String action, UUID target, int secondsIntoWindow) {
        audit.record(AuditEvent.builder(action)
                .tenant(actor.tenantId())
                .actor(actor.userId(), "staff", "someone")
                .target("staff", target)
                .at(window.plusSeconds(secondsIntoWindow))
                .build());
    }

    private String window() {
        return "from=" + window + "&to=" + window.plusSeconds(60);
    }

    private EntityExchangeResult<Map<String, Object>> get(Login caller, String query) {
        return client.get()
                .uri("/api/v1/audit-events?" + query)
                .header("Authorization", "Bearer " + caller.token())
                .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                .exchange()
                .returnResult(JSON);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> content(EntityExchangeResult<Map<String, Object>> answer) {
        assertThat(answer.getStatus())
                .as(String.valueOf(answer.getResponseBody()))
                .isEqualTo(HttpStatus.OK);
        return (List<Map<String, Object>>) answer.getResponseBody().get("content");
    }

    private static List<Object> actions(List<Map<String, Object>> events) {
        return events.stream().map(e -> e.get("action")).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> targets(List<Map<String, Object>> events) {
        return events.stream()
                .map(e -> ((Map<String, Object>) e.get("target")).get("id"))
                .toList();
    }

    /**
     * A token signed with this service's active key, as login would issue it; independent of which
     * demo logins are seeded. Two tenants of their own, so nothing else in the run shares them.
     */
    private Login token(UUID tenantId, String tenantCode, String kind, String role) {
        UUID userId = UUID.randomUUID();
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer("pms")
                .subject(userId.toString())
                .issuedAt(now)
                .expiresAt(now.plusSeconds(600))
                .id(UUID.randomUUID().toString())
                .claim("tid", tenantId.toString())
                .claim("tenant", tenantCode)
                .claim("kind", kind)
                .claim("roles", List.of(role))
                .build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256)
                .keyId(keys.activeKey().getKeyID())
                .build();
        String token = encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
        return new Login(token, userId, tenantId);
    }
}
