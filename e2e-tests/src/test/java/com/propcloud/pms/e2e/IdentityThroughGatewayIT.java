package com.propcloud.pms.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A token issued by user-service works through the gateway and at every service directly, and
 * nothing answers a business path without one: the identity arrows of the design card, with real
 * processes.
 */
class IdentityThroughGatewayIT {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static Platform platform;

    @BeforeAll
    static void startPlatform() {
        platform = Platform.get();
    }

    @Test
    void demoAdminLogsInThroughGatewayAndSeesThemself() throws Exception {
        JsonNode tokens = login();
        assertThat(tokens.path("tokenType").asString()).isEqualTo("Bearer");

        HttpResponse<String> me = get(
                platform.gatewayUrl() + "/api/v1/me", tokens.path("accessToken").asString());

        assertThat(me.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(me.body());
        assertThat(body.path("username").asString()).isEqualTo("admin");
        assertThat(body.path("tenantCode").asString()).isEqualTo("demo");
    }

    @Test
    void refreshTokenWorksOnceThroughGateway() throws Exception {
        String refreshToken = login().path("refreshToken").asString();
        String body = "{\"refreshToken\":\"" + refreshToken + "\"}";

        HttpResponse<String> first = post(platform.gatewayUrl() + "/api/v1/auth/refresh", body);
        HttpResponse<String> second = post(platform.gatewayUrl() + "/api/v1/auth/refresh", body);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(first.body()).path("accessToken").asString()).isNotBlank();
        assertThat(second.statusCode()).isEqualTo(401);
    }

    @Test
    void everyServiceAcceptsUserServiceTokenDirectly() throws Exception {
        String token = login().path("accessToken").asString();
        for (String service : platform.backendServices()) {
            HttpResponse<String> response = get(platform.serviceUrl(service) + "/api/v1/no-such-resource", token);
            // accepted: past authentication, the unknown path is simply not found
            assertThat(response.statusCode()).as(service).isEqualTo(404);
            assertThat(JSON.readTree(response.body()).path("code").asString())
                    .as(service)
                    .isEqualTo("not-found");
        }
    }

    @Test
    void nothingAnswersWithoutToken() throws Exception {
        for (String service : platform.backendServices()) {
            assertThat(get(platform.serviceUrl(service) + "/api/v1/no-such-resource", null)
                            .statusCode())
                    .as(service)
                    .isEqualTo(401);
        }
        for (String path : new String[] {"/api/v1/me", "/api/v1/work-orders", "/api/v1/reports/x", "/api/v1/nope"}) {
            assertThat(get(platform.gatewayUrl() + path, null).statusCode())
                    .as(path)
                    .isEqualTo(401);
        }
    }

    private static JsonNode login() throws Exception {
        String body = "{\"tenant\":\"demo\",\"username\":\"admin\",\"password\":\"" + Platform.DEMO_PASSWORD + "\"}";
        HttpResponse<String> response = post(platform.gatewayUrl() + "/api/v1/auth/login", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> get(String url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String url, String json) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
