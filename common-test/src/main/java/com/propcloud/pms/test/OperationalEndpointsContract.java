package com.propcloud.pms.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What operations and clients rely on from every service without a token: liveness, a readiness
 * group made of the service's own dependencies (so an orchestrator stops routing to an instance that
 * lost its database or broker), Prometheus metrics and the OpenAPI document.
 */
public abstract class OperationalEndpointsContract {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    protected abstract int port();

    /** Health contributors the readiness group must contain, e.g. {@code db, rabbit, redis}. */
    protected abstract Set<String> readinessComponents();

    @Test
    void livenessIsUp() throws Exception {
        HttpResponse<String> response = get("/actuator/health/liveness");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("status").asString()).isEqualTo("UP");
    }

    @Test
    void readinessCoversOwnDependenciesAndIsUp() throws Exception {
        HttpResponse<String> response = get("/actuator/health/readiness");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("components").propertyNames()).containsAll(readinessComponents());
        for (String component : readinessComponents()) {
            assertThat(body.path("components").path(component).path("status").asString())
                    .as(component)
                    .isEqualTo("UP");
        }
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void exposesPrometheusMetrics() throws Exception {
        HttpResponse<String> response = get("/actuator/prometheus");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void publishesOpenApiDocument() throws Exception {
        HttpResponse<String> response = get("/v3/api-docs");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode document = JSON.readTree(response.body());
        assertThat(document.path("openapi").asString()).startsWith("3.");
        // the gateway's Swagger UI lists every service's document by this title
        assertThat(document.path("info").path("title").asString()).startsWith("PMS Cloud ");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port() + path))
                        .timeout(Duration.ofSeconds(15))
                        .header("Accept", "application/json, text/plain")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
