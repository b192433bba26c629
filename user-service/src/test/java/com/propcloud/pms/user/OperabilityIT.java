package com.propcloud.pms.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.client.RestTestClient;

/** What operators and client developers rely on: readiness over the real dependencies, the API description. */
@UserServiceTest
class OperabilityIT {

    @Autowired
    RestTestClient client;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(client);
    }

    @Test
    void readinessCoversTheServicesOwnDependencies() {
        var readiness = api.get("/actuator/health/readiness", null);

        assertThat(readiness.getStatus()).as("%s", readiness.getResponseBody()).isEqualTo(HttpStatus.OK);
        assertThat(readiness.getResponseBody().object("components"))
                .containsOnlyKeys("readinessState", "db", "rabbit", "redis", "mongo");
    }

    @Test
    void openApiDocumentDescribesTheEndpoints() {
        var docs = api.get("/v3/api-docs", null);

        assertThat(docs.getResponseBody().object("paths"))
                .containsKeys("/api/v1/auth/login", "/api/v1/auth/refresh", "/api/v1/auth/jwks", "/api/v1/me");
    }

    @Test
    void openApiDocumentMarksLoginAsOpen() {
        var docs = api.get("/v3/api-docs", null);

        Map<String, Object> paths = docs.getResponseBody().object("paths");
        Map<?, ?> login = (Map<?, ?>) ((Map<?, ?>) paths.get("/api/v1/auth/login")).get("post");
        assertThat(login.get("security")).isEqualTo(List.of());
    }
}
