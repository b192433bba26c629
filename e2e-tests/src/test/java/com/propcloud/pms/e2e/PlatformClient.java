package com.propcloud.pms.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Talks to the platform through the gateway as a client application would. */
final class PlatformClient {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private String accessToken;

    PlatformClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Logs in as the demo tenant's HQ admin and keeps the access token for later calls. */
    static PlatformClient demoAdmin(Platform platform) throws Exception {
        return staff(platform, "demo", "admin");
    }

    /** Logs in as a seeded staff account and keeps the access token for later calls. */
    static PlatformClient staff(Platform platform, String tenant, String username) throws Exception {
        PlatformClient client = new PlatformClient(platform.gatewayUrl());
        HttpResponse<String> response = client.post(
                "/api/v1/auth/login",
                "{\"tenant\":\"" + tenant + "\",\"username\":\"" + username + "\",\"password\":\""
                        + Platform.DEMO_PASSWORD + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        client.accessToken = JSON.readTree(response.body()).path("accessToken").asString();
        return client;
    }

    JsonNode getJson(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String json) throws Exception {
        return HTTP.send(
                request(path)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A multipart/form-data POST of one file in the part {@code file}, as a browser uploads it. */
    HttpResponse<String> upload(String path, String fileName, String contentType, byte[] content) throws Exception {
        String boundary = "pms-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: " + contentType + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        return HTTP.send(
                request(path)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, content, tail)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(15));
        if (accessToken != null) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        return request;
    }
}
