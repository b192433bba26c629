package com.propcloud.pms.user.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.propcloud.pms.common.audit.AuditEvent;
import com.propcloud.pms.common.audit.AuditLog;
import com.propcloud.pms.common.audit.AuditQuery;
import com.propcloud.pms.common.audit.AuditTrail;
import com.propcloud.pms.test.EventTap;
import com.propcloud.pms.user.UserServiceTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Platform operators create and edit tenants: code, name, contact (the phone stored encrypted and
 * shown masked), time zone and plan limits; staff may not. Every change is audited, and the events
 * keep the shape other services' read models were built against.
 */
@UserServiceTest
class TenantManagementIT {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};
    private static final String DEMO_PASSWORD = "Demo#2026";
    private static final String PHONE = "13812345678";

    private static EventTap events;

    @Autowired
    RestTestClient client;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AuditLog audit;

    @Autowired
    AuditTrail trail;

    String operator;

    @BeforeAll
    static void listenForTenantEvents() {
        events = EventTap.bind("user.tenant.*");
    }

    @AfterAll
    static void close() {
        events.close();
    }

    @BeforeEach
    void logIn() {
        operator = token("platform", "operator");
    }

    @Nested
    class Creating {

        @Test
        void anOperatorCreatesATenantWithContactAndLimits() {
            String code = newCode();

            var created = create(Map.of(
                    "code", code.toUpperCase(),
                    "name", "Sunrise Property Co.",
                    "timeZone", "Asia/Urumqi",
                    "contactName", "Wang Fang",
                    "contactPhone", "+86 138-1234-5678",
                    "contactEmail", "it@sunrise.example",
                    "limits", Map.of("maxProjects", 3, "maxUnits", 1200)));

            assertThat(created.getStatus()).isEqualTo(HttpStatus.CREATED);
            Map<String, Object> body = created.getResponseBody();
            assertThat(created.getResponseHeaders().getLocation()).hasToString("/api/v1/tenants/" + body.get("id"));
            assertThat(body)
                    .containsEntry("code", code)
                    .containsEntry("status", "ACTIVE")
                    .containsEntry("timeZone", "Asia/Urumqi")
                    .containsEntry("contactName", "Wang Fang")
                    .containsEntry("contactPhone", "138****5678")
                    .containsEntry("contactEmail", "it@sunrise.example")
                    .containsEntry("limits", Map.of("maxProjects", 3, "maxUnits", 1200));
            assertThat(get(body.get("id")).getResponseBody()).isEqualTo(body);
        }

        @Test
        void storesTheContactPhoneOnlyEncrypted() {
            String id = createdId(Map.of("code", newCode(), "name", "Cipher Homes", "contactPhone", PHONE));

            String stored = jdbc.queryForObject(
                    "select contact_phone from tenant where id = ?", String.class, UUID.fromString(id));

            assertThat(stored).startsWith("v1.").doesNotContain(PHONE).doesNotContain("5678");
        }

        @Test
        void withoutLimitsThePlanIsUnlimitedAndTheZoneShanghai() {
            var created = create(Map.of("code", newCode(), "name", "Open Plan Estates"));

            Map<String, Object> limits = new HashMap<>();
            limits.put("maxProjects", null);
            limits.put("maxUnits", null);
            assertThat(created.getResponseBody())
                    .containsEntry("limits", limits)
                    .containsEntry("timeZone", "Asia/Shanghai");
        }

        @Test
        void publishesCreatedInTheGoldenShape() throws Exception {
            String id = createdId(Map.of("code", newCode(), "name", "Golden Shape Co.", "contactPhone", PHONE));

            JsonNode envelope = events.await(EventTap.event("user.tenant.created", UUID.fromString(id)));

            EventTap.assertSameShape(envelope, EventTap.golden("user.tenant.created.v1.json"));
            assertThat(envelope.toString()).doesNotContain(PHONE);
        }

        @Test
        void aCodeInUseIsRefusedWhateverItsCase() {
            String code = newCode();
            create(Map.of("code", code, "name", "First"));

            var again = create(Map.of("code", " " + code.toUpperCase() + " ", "name", "Second"));

            assertThat(again.getStatus()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(again.getResponseBody()).containsEntry("code", "tenant.code-taken");
        }

        @Test
        void invalidFieldsAreAValidationProblem() {
            var refused = create(Map.of(
                    "code", "9lives",
                    "name", " ",
                    "contactPhone", "call me",
                    "contactEmail", "not-an-email",
                    "limits", Map.of("maxProjects", 0)));

            assertThat(refused.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getResponseBody()).containsEntry("code", "validation-failed");
            assertThat(fields(refused)).contains("code", "name", "contactPhone", "contactEmail", "limits.maxProjects");
        }

        @Test
        void anUnknownTimeZoneIsAValidationProblem() {
            var refused = create(Map.of("code", newCode(), "name", "Moon Base", "timeZone", "Mars/Olympus"));

            assertThat(refused.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(fields(refused)).containsExactly("timeZone");
        }
    }

    @Nested
    class Editing {

        String id;

        @BeforeEach
        void createTenant() {
            id = createdId(Map.of("code", newCode(), "name", "Editable Co.", "contactPhone", PHONE));
        }

        @Test
        void changesOnlyTheFieldsGiven() {
            var changed = patch(
                    id,
                    Map.of(
                            "name", "Edited Co.",
                            "contactEmail", "ops@edited.example",
                            "limits", Map.of("maxUnits", 500)));

            assertThat(changed.getStatus()).isEqualTo(HttpStatus.OK);
            Map<String, Object> limits = new HashMap<>();
            limits.put("maxProjects", null);
            limits.put("maxUnits", 500);
            assertThat(changed.getResponseBody())
                    .containsEntry("name", "Edited Co.")
                    .containsEntry("contactPhone", "138****5678")
                    .containsEntry("contactEmail", "ops@edited.example")
                    .containsEntry("limits", limits);
        }

        @Test
        void anEmptyContactFieldClearsIt() {
            var changed = patch(id, Map.of("contactPhone", ""));

            assertThat(changed.getResponseBody()).containsEntry("contactPhone", null);
        }

        @Test
        void renamingPublishesUpdatedInTheGoldenShape() throws Exception {
            patch(id, Map.of("name", "Renamed Co."));

            JsonNode envelope = events.await(EventTap.event("user.tenant.updated", UUID.fromString(id)));

            EventTap.assertSameShape(envelope, EventTap.golden("user.tenant.updated.v1.json"));
            assertThat(envelope.path("payload").path("name").asString()).isEqualTo("Renamed Co.");
        }

        @Test
        void theContactAloneIsNoEventForOtherServices() {
            patch(id, Map.of("contactName", "Li Na"));

            Integer updates = jdbc.queryForObject(
                    "select count(*) from outbox_event where type = 'user.tenant.updated' and aggregate_id = ?",
                    Integer.class,
                    UUID.fromString(id));
            assertThat(updates).isZero();
        }

        @Test
        void changingTheLimitsPublishesUpdatedWithThemForAssetService() throws Exception {
            patch(id, Map.of("limits", Map.of("maxProjects", 2)));

            JsonNode envelope = events.await(EventTap.event("user.tenant.updated", UUID.fromString(id)));

            EventTap.assertSameShape(envelope, EventTap.golden("user.tenant.updated.v1.json"));
            assertThat(envelope.path("payload").path("maxProjects").asInt()).isEqualTo(2);
            assertThat(envelope.path("payload").path("maxUnits").isNull()).isTrue();
        }

        @Test
        void theInternalListCarriesTheLimitsAndNullForUnlimited() {
            patch(id, Map.of("limits", Map.of("maxProjects", 4, "maxUnits", 900)));

            Map<String, Object> limited = listedForServices(id);
            assertThat(limited).containsEntry("maxProjects", 4).containsEntry("maxUnits", 900);
            String demo = jdbc.queryForObject("select id::text from tenant where code = 'demo'", String.class);
            assertThat(listedForServices(demo))
                    .containsEntry("maxProjects", null)
                    .containsEntry("maxUnits", null);
        }

        @Test
        void suspendsAndReactivatesThroughStatus() {
            assertThat(patch(id, Map.of("status", "SUSPENDED")).getResponseBody())
                    .containsEntry("status", "SUSPENDED");
            assertThat(patch(id, Map.of("status", "ACTIVE")).getResponseBody()).containsEntry("status", "ACTIVE");
        }

        @Test
        void theCodeCannotChange() {
            var refused = patch(id, Map.of("code", newCode()));

            assertThat(refused.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(fields(refused)).containsExactly("code");
        }

        @Test
        void thePlatformCannotBeSuspended() {
            String platform = jdbc.queryForObject("select id from tenant where code = 'platform'", String.class);

            var refused = patch(platform, Map.of("status", "SUSPENDED"));

            assertThat(refused.getStatus()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(refused.getResponseBody()).containsEntry("code", "tenant.platform-immutable");
        }

        @Test
        void anUnknownTenantIsNotFound() {
            assertThat(patch(UUID.randomUUID().toString(), Map.of("name", "Nobody"))
                            .getStatus())
                    .isEqualTo(HttpStatus.NOT_FOUND);
        }

        @Test
        void everyChangeIsAuditedWithoutThePhone() {
            patch(id, Map.of("name", "Audited Co.", "contactPhone", "13900001111"));
            post("/api/v1/tenants/" + id + "/suspend", operator);
            post("/api/v1/tenants/" + id + "/reactivate", operator);

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                audit.flush(Duration.ofSeconds(2));
                List<AuditEvent> trailOfTenant = trail.find(
                                new AuditQuery(null, null, "tenant.*", id, null, null), PageRequest.of(0, 20))
                        .getContent();
                assertThat(trailOfTenant)
                        .extracting(AuditEvent::action)
                        .containsExactlyInAnyOrder(
                                "tenant.created", "tenant.updated", "tenant.suspended", "tenant.reactivated");
                assertThat(trailOfTenant)
                        .filteredOn(event -> event.action().equals("tenant.updated"))
                        .singleElement()
                        .satisfies(event -> assertThat(event.details()).containsEntry("fields", "name,contactPhone"));
                assertThat(trailOfTenant)
                        .allSatisfy(event -> assertThat(event.actor()).isNotNull());
                // filed under the tenant concerned, where its own HQ admins find it
                assertThat(trailOfTenant)
                        .extracting(event -> String.valueOf(event.tenantId()))
                        .containsOnly(id);
                assertThat(trailOfTenant.toString())
                        .doesNotContain("13900001111")
                        .doesNotContain(PHONE);
            });
        }
    }

    @Test
    void staffMayNotManageTenants() {
        String admin = token("demo", "admin");
        String id = createdId(Map.of("code", newCode(), "name", "Forbidden Fruit Co."));

        assertThat(exchange("POST", "/api/v1/tenants", Map.of("code", newCode(), "name", "X"), admin)
                        .getStatus())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(exchange("GET", "/api/v1/tenants/" + id, null, admin).getStatus())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(exchange("PATCH", "/api/v1/tenants/" + id, Map.of("name", "Mine"), admin)
                        .getStatus())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    private EntityExchangeResult<Map<String, Object>> create(Map<String, Object> body) {
        return exchange("POST", "/api/v1/tenants", body, operator);
    }

    private String createdId(Map<String, Object> body) {
        var created = create(body);
        assertThat(created.getStatus())
                .as(String.valueOf(created.getResponseBody()))
                .isEqualTo(HttpStatus.CREATED);
        return (String) created.getResponseBody().get("id");
    }

    private EntityExchangeResult<Map<String, Object>> get(Object id) {
        return exchange("GET", "/api/v1/tenants/" + id, null, operator);
    }

    private EntityExchangeResult<Map<String, Object>> patch(String id, Map<String, Object> body) {
        return exchange("PATCH", "/api/v1/tenants/" + id, body, operator);
    }

    private EntityExchangeResult<Map<String, Object>> post(String path, String token) {
        return exchange("POST", path, Map.of(), token);
    }

    private EntityExchangeResult<Map<String, Object>> exchange(String method, String path, Object body, String token) {
        var request = client.method(org.springframework.http.HttpMethod.valueOf(method))
                .uri(path)
                .header("Authorization", "Bearer " + token)
                .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.exchange().returnResult(JSON);
    }

    private String token(String tenant, String username) {
        Map<String, Object> body = client.post()
                .uri("/api/v1/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("tenant", tenant, "username", username, "password", DEMO_PASSWORD))
                .exchange()
                .returnResult(JSON)
                .getResponseBody();
        return (String) body.get("accessToken");
    }

    /** The tenant as {@code GET /internal/v1/tenants} lists it to a service (reporting-service's token). */
    private Map<String, Object> listedForServices(String tenantId) {
        Map<String, Object> token = client.post()
                .uri("/internal/oauth2/token")
                .header(
                        "Authorization",
                        "Basic "
                                + java.util.Base64.getEncoder()
                                        .encodeToString("reporting-service:pms-service-local".getBytes()))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body("grant_type=client_credentials")
                .exchange()
                .returnResult(JSON)
                .getResponseBody();
        Map<String, Object> list = exchange("GET", "/internal/v1/tenants", null, (String) token.get("access_token"))
                .getResponseBody();
        return ((List<?>) list.get("tenants"))
                .stream()
                        .map(tenant -> {
                            @SuppressWarnings("unchecked")
                            Map<String, Object> map = (Map<String, Object>) tenant;
                            return map;
                        })
                        .filter(tenant -> tenantId.equals(tenant.get("id")))
                        .findFirst()
                        .orElseThrow();
    }

    private static List<Object> fields(EntityExchangeResult<Map<String, Object>> problem) {
        return ((List<?>) problem.getResponseBody().get("errors"))
                .stream()
                        .map(error -> (Object) ((Map<?, ?>) error).get("field"))
                        .toList();
    }

    private static String newCode() {
        return "tm-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
