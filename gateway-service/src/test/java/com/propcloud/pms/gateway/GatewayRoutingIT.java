package com.propcloud.pms.gateway;

import static com.propcloud.pms.gateway.GatewayProblemDetailsIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.propcloud.pms.test.TestJwks;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** Requests reach the service that owns their path, with the token and without forged identity. */
class GatewayRoutingIT extends GatewayTestSupport {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "/api/v1/me, user",
        "/api/v1/staff/5, user",
        "/api/v1/app/messages, user",
        "/api/v1/units/9, asset",
        "/api/v1/app/units, asset",
        "/api/v1/opening-balances/summary, asset",
        "/api/v1/work-orders, workorder",
        "/api/v1/app/work-orders/3, workorder",
        "/api/v1/bills, billing",
        "/api/v1/app/payments, billing",
        "/api/v1/devices/d-1, iot",
        "/api/v1/app/visitor-passes, iot",
        "/api/v1/reports/kpi/occupancy, reporting"
    })
    void routesAuthenticatedRequestToTheOwningServiceWithTheToken(String path, String serviceName) {
        String token = staffToken();
        String marker = marker();
        client.get()
                .uri(path + "?page=0&size=20")
                .headers(h -> h.setBearerAuth(token))
                .header(StubDownstream.MARKER, marker)
                .exchange()
                .expectStatus()
                .isOk();

        assertThat(service(serviceName).find(marker)).hasValueSatisfying(request -> {
            assertThat(request.path()).isEqualTo(path);
            assertThat(request.query()).isEqualTo("page=0&size=20");
            assertThat(request.header(HttpHeaders.AUTHORIZATION)).contains("Bearer " + token);
            // services build absolute links (and their OpenAPI server URL) from these
            assertThat(request.header("X-Forwarded-Proto")).contains("http");
            assertThat(request.header("X-Forwarded-Host")).isPresent();
        });
    }

    @Test
    void stripsForgedIdentityHeadersBeforeRouting() {
        String marker = marker();
        client.get()
                .uri("/api/v1/work-orders")
                .headers(h -> h.setBearerAuth(staffToken()))
                .header(StubDownstream.MARKER, marker)
                .header("X-Tenant-Id", "00000000-0000-0000-0000-000000000001")
                .header("X-User-Id", "00000000-0000-0000-0000-000000000002")
                .header("X-Pms-Roles", "HQ_ADMIN")
                .header("x-auth-user", "root")
                .header("X-Roles", "OPERATOR")
                .header("X-Forwarded-User", "root")
                .header("X-Remote-User", "root")
                .header("X-Request-Id", "kept")
                .exchange()
                .expectStatus()
                .isOk();

        assertThat(service("workorder").find(marker)).hasValueSatisfying(request -> {
            assertThat(request.headers().keySet())
                    .noneMatch(name -> name.startsWith("x-pms-")
                            || name.startsWith("x-user-")
                            || name.startsWith("x-tenant-")
                            || name.startsWith("x-auth-"))
                    .doesNotContain("x-roles", "x-forwarded-user", "x-remote-user");
            assertThat(request.header("X-Request-Id")).contains("kept");
        });
    }

    @Nested
    class PublicRoutes {

        @Test
        void loginReachesUserServiceWithoutToken() {
            assertReachesUserService(marker -> client.post()
                    .uri("/api/v1/auth/login")
                    .header(StubDownstream.MARKER, marker)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("tenant", "demo", "username", "admin", "password", "secret"))
                    .exchange());
        }

        @Test
        void refreshReachesUserServiceEvenWithAnExpiredAccessToken() {
            String expired = TestJwks.get().token().expired().sign();
            assertReachesUserService(marker -> client.post()
                    .uri("/api/v1/auth/refresh")
                    .headers(h -> h.setBearerAuth(expired))
                    .header(StubDownstream.MARKER, marker)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("refreshToken", "r-1"))
                    .exchange());
        }

        @Test
        void jwksReachesUserServiceWithoutToken() {
            assertReachesUserService(marker -> client.get()
                    .uri("/api/v1/auth/jwks")
                    .header(StubDownstream.MARKER, marker)
                    .exchange());
        }

        @Test
        void otherAuthEndpointsStillNeedAToken() {
            assertProblem(
                    client.post()
                            .uri("/api/v1/auth/logout")
                            .contentType(MediaType.APPLICATION_JSON)
                            .bodyValue("{}")
                            .exchange(),
                    HttpStatus.UNAUTHORIZED,
                    "auth.unauthenticated");
        }

        @Test
        void serviceApiDocsAreProxiedWithoutToken() {
            String marker = marker();
            client.get()
                    .uri("/v3/api-docs/billing")
                    .header(StubDownstream.MARKER, marker)
                    .exchange()
                    .expectStatus()
                    .isOk();
            assertThat(service("billing").find(marker))
                    .hasValueSatisfying(request -> assertThat(request.path()).isEqualTo("/v3/api-docs"));
        }

        private void assertReachesUserService(
                java.util.function.Function<
                                String, org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec>
                        call) {
            String marker = marker();
            call.apply(marker).expectStatus().isOk();
            assertThat(service("user").find(marker)).isPresent();
        }
    }

    @Nested
    class DownstreamTrouble {

        @Test
        void answersServiceThatIsDownWith503() {
            assertProblem(
                    client.get()
                            .uri("/api/v1/test-dead/anything")
                            .headers(h -> h.setBearerAuth(staffToken()))
                            .exchange(),
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "downstream-unavailable");
        }

        @Test
        void answersServiceThatDropsTheConnectionWith502() {
            assertProblem(
                    client.get()
                            .uri("/api/v1/devices/crash")
                            .headers(h -> h.setBearerAuth(staffToken()))
                            .exchange(),
                    HttpStatus.BAD_GATEWAY,
                    "downstream-unavailable");
        }

        @Test
        void answersServiceThatIsTooSlowWith504() {
            assertProblem(
                    client.get()
                            .uri("/api/v1/reports/slow")
                            .headers(h -> h.setBearerAuth(staffToken()))
                            .exchange(),
                    HttpStatus.GATEWAY_TIMEOUT,
                    "downstream-timeout");
        }
    }

    @Nested
    class Operations {

        @Test
        void routeTableListsEveryServiceForOperators() {
            String operator = TestJwks.get()
                    .token()
                    .tenant(java.util.UUID.randomUUID(), "platform")
                    .kind("operator")
                    .roles("PLATFORM_OPERATOR")
                    .sign();
            List<Map<String, Object>> routes = client.get()
                    .uri("/actuator/gateway/routes")
                    .headers(h -> h.setBearerAuth(operator))
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {})
                    .returnResult()
                    .getResponseBody();
            assertThat(routes)
                    .extracting(route -> route.get("route_id"))
                    .contains(
                            "user-service",
                            "asset-service",
                            "workorder-service",
                            "billing-service",
                            "iot-service",
                            "reporting-service",
                            "user-service-api-docs");
        }

        @Test
        void routeTableIsForbiddenToStaff() {
            assertProblem(
                    client.get()
                            .uri("/actuator/gateway/routes")
                            .headers(h -> h.setBearerAuth(staffToken()))
                            .exchange(),
                    HttpStatus.FORBIDDEN,
                    "auth.forbidden");
        }

        @Test
        void readinessIncludesRedisAndIsUp() {
            client.get()
                    .uri("/actuator/health/readiness")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo("UP");
        }

        @Test
        void prometheusIsScrapableWithoutToken() {
            client.mutate()
                    .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
                    .build()
                    .get()
                    .uri("/actuator/prometheus")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody(String.class)
                    .value(body -> assertThat(body).contains("http_server_requests", "spring_cloud_gateway_requests"));
        }

        @Test
        void swaggerUiIsServedWithoutToken() {
            client.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
        }
    }

    @Nested
    class BrowserSafety {

        @Test
        void answersPreflightFromTheAdminOrigin() {
            client.options()
                    .uri("/api/v1/work-orders")
                    .header(HttpHeaders.ORIGIN, "http://localhost:5173")
                    .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                    .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization,content-type")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "http://localhost:5173");
        }

        @Test
        void refusesPreflightFromOtherOrigins() {
            client.options()
                    .uri("/api/v1/work-orders")
                    .header(HttpHeaders.ORIGIN, "https://evil.example")
                    .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                    .exchange()
                    .expectStatus()
                    .isForbidden();
        }

        @Test
        void sendsSecurityHeaders() {
            client.get()
                    .uri("/api/v1/me")
                    .headers(h -> h.setBearerAuth(staffToken()))
                    .exchange()
                    .expectHeader()
                    .valueEquals("X-Content-Type-Options", "nosniff")
                    .expectHeader()
                    .valueEquals("X-Frame-Options", "DENY")
                    .expectHeader()
                    .value("Content-Security-Policy", csp -> assertThat(csp).startsWith("default-src 'self'"))
                    // plain HTTP here: HSTS only behind TLS
                    .expectHeader()
                    .doesNotExist("Strict-Transport-Security");
        }
    }
}
