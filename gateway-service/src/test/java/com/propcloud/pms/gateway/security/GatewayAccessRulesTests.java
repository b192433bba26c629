package com.propcloud.pms.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.propcloud.pms.gateway.security.GatewayAccessRules.Access;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class GatewayAccessRulesTests {

    @ParameterizedTest
    @CsvSource({
        "POST, /api/v1/auth/login, PUBLIC",
        "GET, /api/v1/auth/login, AUTHENTICATED",
        "POST, /api/v1/auth/refresh, PUBLIC",
        "POST, /api/v1/auth/sms-codes, PUBLIC",
        "POST, /api/v1/auth/password-resets, PUBLIC",
        "POST, /api/v1/auth/password-resets/confirm, PUBLIC",
        "GET, /api/v1/auth/jwks, PUBLIC",
        "POST, /api/v1/auth/jwks, AUTHENTICATED",
        "POST, /api/v1/auth/logout, AUTHENTICATED",
        "POST, /api/v1/payments/callbacks/sandbox, PUBLIC",
        "GET, /actuator/health/readiness, PUBLIC",
        "POST, /actuator/health, PUBLIC",
        "GET, /actuator/prometheus, PUBLIC",
        "GET, /actuator/env, NOBODY",
        "GET, /actuator/gateway/routes, OPERATORS",
        "POST, /actuator/gateway/refresh, NOBODY",
        "GET, /v3/api-docs/user, PUBLIC",
        "GET, /swagger-ui/index.html, PUBLIC",
        "GET, /api/v1/me, AUTHENTICATED",
        "DELETE, /api/v1/units/42, AUTHENTICATED",
        "GET, /apix/v1/me, NOBODY",
        "GET, /, NOBODY"
    })
    void classifiesEveryRequest(HttpMethod method, String path, Access expected) {
        assertThat(GatewayAccessRules.accessFor(
                        MockServerHttpRequest.method(method, path).build()))
                .isEqualTo(expected);
    }
}
