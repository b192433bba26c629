package com.propcloud.pms.asset.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.propcloud.pms.test.EventTap;
import com.propcloud.pms.test.TestJwks;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The registry's HTTP API as the tests call it: tokens, requests, fixtures and common assertions. */
public final class RegistryApi {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private final int port;

    public RegistryApi(int port) {
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

    public static String owner(UUID tenant) {
        return TestJwks.get()
                .token()
                .tenant(tenant, "t" + tenant.toString().substring(0, 6))
                .kind("owner")
                .roles("OWNER")
                .sign();
    }

    public static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    public String project(String token, String code) throws Exception {
        return id(created(
                "/api/v1/projects",
                token,
                "{\"code\":\"" + code + "\",\"name\":\"P " + code + "\",\"type\":\"RESIDENTIAL\"}"));
    }

    public String building(String token, String projectId, String code, int above, int below) throws Exception {
        return id(created(
                "/api/v1/buildings",
                token,
                "{\"projectId\":\"%s\",\"code\":\"%s\",\"name\":\"B %s\",\"floorsAbove\":%d,\"floorsBelow\":%d}"
                        .formatted(projectId, code, code, above, below)));
    }

    public String unit(String token, String buildingId, String number, int floor, String status) throws Exception {
        return id(created("/api/v1/units", token, unitJson(buildingId, number, floor, "89.50", status)));
    }

    public static String unitJson(String buildingId, String number, int floor, String grossArea, String status) {
        return ("{\"buildingId\":\"%s\",\"number\":\"%s\",\"floor\":%d,\"type\":\"APARTMENT\","
                        + "\"grossArea\":%s,\"status\":\"%s\"}")
                .formatted(buildingId, number, floor, grossArea, status);
    }

    public JsonNode created(String path, String token, String json) throws Exception {
        HttpResponse<String> response = post(path, token, json);
        JsonNode body = body(response, 201);
        assertThat(response.headers().firstValue("Location"))
                .hasValue(path + "/" + body.path("id").asString());
        return body;
    }

    public static String id(JsonNode node) {
        return node.path("id").asString();
    }

    public static List<String> ids(JsonNode page) {
        return page.path("content").findValuesAsString("id");
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

    /** Awaits the event of this type about the aggregate and checks it against its golden file. */
    public static JsonNode awaitGolden(EventTap events, String type, String aggregateId) {
        JsonNode envelope = events.await(EventTap.event(type, aggregateId));
        EventTap.assertSameShape(envelope, EventTap.golden(type + ".v1.json"));
        return envelope;
    }

    /** A 404 that tells nothing: the same fields and text as for a random id, but for the id. */
    public static void assertNotFoundLikeMissing(HttpResponse<String> hidden, HttpResponse<String> missing, String id)
            throws IOException {
        assertThat(hidden.statusCode()).as(hidden.body()).isEqualTo(404);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(new ArrayList<>(JSON.readTree(hidden.body()).propertyNames()))
                .isEqualTo(new ArrayList<>(JSON.readTree(missing.body()).propertyNames()));
        assertThat(hidden.body().replace(id, "ID")).isEqualTo(missing.body().replaceAll(UUID_PATTERN, "ID"));
    }

    public HttpResponse<String> get(String path, String token) throws Exception {
        return send(request(path, token).GET());
    }

    public HttpResponse<String> post(String path, String token, String json) throws Exception {
        return send(request(path, token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A multipart/form-data POST with one file part named {@code file}. */
    public HttpResponse<String> upload(String path, String token, String fileName, String contentType, byte[] content)
            throws Exception {
        String boundary = "pms-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: " + contentType + "\r\n\r\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        // one array, so the request declares its length as browsers do
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        return send(request(path, token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** A GET whose body is binary (a workbook). */
    public HttpResponse<byte[]> download(String path, String token) throws Exception {
        return HTTP.send(request(path, token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    public HttpResponse<String> patch(String path, String token, String json) throws Exception {
        return send(request(path, token)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> delete(String path, String token) throws Exception {
        return send(request(path, token).DELETE());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, String token) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token);
    }
}
