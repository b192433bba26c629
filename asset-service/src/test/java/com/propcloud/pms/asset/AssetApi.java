package com.propcloud.pms.asset;

import static org.assertj.core.api.Assertions.assertThat;

import com.propcloud.pms.test.TestJwks;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * asset-service's HTTP API as the equipment, maintenance and patrol tests call it: tokens, requests and
 * the registry fixtures they build on (the registry's own RegistryApi stays package-private).
 */
public final class AssetApi {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final int port;

    public AssetApi(int port) {
        this.port = port;
    }

    public static String hq(UUID tenant) {
        return TestJwks.get().staffToken(tenant, "t" + tenant.toString().substring(0, 6), "HQ_ADMIN");
    }

    public static String scoped(UUID tenant, String role, UUID... projects) {
        return TestJwks.get()
                .token()
                .tenant(tenant, "t" + tenant.toString().substring(0, 6))
                .roles(role)
                .projects(projects)
                .sign();
    }

    public static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    public String project(String token) throws Exception {
        String code = unique("P-");
        return id(created(
                "/api/v1/projects",
                token,
                "{\"code\":\"" + code + "\",\"name\":\"P " + code + "\",\"type\":\"RESIDENTIAL\"}"));
    }

    public String building(String token, String projectId, String code) throws Exception {
        return id(created(
                "/api/v1/buildings",
                token,
                "{\"projectId\":\"%s\",\"code\":\"%s\",\"name\":\"B %s\",\"floorsAbove\":10,\"floorsBelow\":1}"
                        .formatted(projectId, code, code)));
    }

    public JsonNode created(String path, String token, String json) throws Exception {
        HttpResponse<String> response = post(path, token, json);
        JsonNode body = body(response, 201);
        assertThat(response.headers().firstValue("Location")).hasValue(path + "/" + id(body));
        return body;
    }

    public static String id(JsonNode node) {
        return node.path("id").asString();
    }

    public static JsonNode body(HttpResponse<String> response, int status) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    /** A problem with this status and code. */
    public static void problem(HttpResponse<String> response, int status, String code) throws IOException {
        assertThat(body(response, status).path("code").asString())
                .as(response.body())
                .isEqualTo(code);
    }

    public HttpResponse<String> get(String path, String token) throws Exception {
        return HTTP.send(request(path, token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<byte[]> bytes(String path, String token) throws Exception {
        return HTTP.send(request(path, token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    public HttpResponse<String> post(String path, String token, String json) throws Exception {
        return HTTP.send(
                request(path, token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> patch(String path, String token, String json) throws Exception {
        return HTTP.send(
                request(path, token)
                        .header("Content-Type", "application/json")
                        .method("PATCH", HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> delete(String path, String token) throws Exception {
        return HTTP.send(request(path, token).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, String token) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token);
    }
}
