package com.propcloud.pms.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.propcloud.pms.common.problem.BusinessRuleViolation;
import com.propcloud.pms.test.TestJwks;
import com.propcloud.pms.test.UsesPmsInfrastructure;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every error a service answers is RFC 9457 problem JSON with a stable code, whatever layer raises it:
 * validation, routing, content negotiation, body limits, business rules, or an unexpected failure.
 */
@SpringBootTest(
        classes = ProblemDetailsIT.ProblemTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "pms.database.name=commonweb")
@UsesPmsInfrastructure
class ProblemDetailsIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int ONE_MIB = 1024 * 1024;

    @LocalServerPort
    int port;

    String token;

    @BeforeEach
    void token() {
        token = TestJwks.get().staffToken(UUID.randomUUID(), "demo", "HQ_ADMIN");
    }

    @Nested
    class Validation {

        @Test
        void listsEveryInvalidField() throws Exception {
            var response =
                    post("/api/v1/things", "application/json", "{\"name\":\"\",\"note\":\"" + "x".repeat(300) + "\"}");
            JsonNode problem = problem(response, 400, "validation-failed");
            assertThat(problem.path("errors").findValuesAsString("field")).containsExactlyInAnyOrder("name", "note");
        }

        @Test
        void answersMalformedJsonWithBadRequest() throws Exception {
            problem(post("/api/v1/things", "application/json", "{not json"), 400, "malformed-request");
        }
    }

    @Test
    void answersUnknownPathWithNotFound() throws Exception {
        problem(send(request("/api/v1/nothing-here").GET()), 404, "not-found");
    }

    @Test
    void answersWrongMethodWithMethodNotAllowed() throws Exception {
        problem(send(request("/api/v1/things").DELETE()), 405, "method-not-allowed");
    }

    @Test
    void answersUnsupportedContentTypeWith415() throws Exception {
        problem(post("/api/v1/things", "text/plain", "name=x"), 415, "unsupported-media-type");
    }

    @Test
    void refusesDeclaredOversizedBodyWith413() throws Exception {
        String body = "{\"name\":\"" + "x".repeat(ONE_MIB) + "\"}";
        problem(post("/api/v1/things", "application/json", body), 413, "payload-too-large");
    }

    @Test
    void refusesChunkedOversizedBodyWith413() throws Exception {
        byte[] body = ("{\"name\":\"" + "x".repeat(ONE_MIB) + "\"}").getBytes();
        // an InputStream publisher has no known length, so the client sends it chunked
        var chunked = HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
        var response = send(request("/api/v1/things")
                .header("Content-Type", "application/json")
                .POST(chunked));
        problem(response, 413, "payload-too-large");
    }

    @Test
    void answersBusinessRuleViolationWithItsCode() throws Exception {
        problem(send(request("/api/v1/things/locked").GET()), 409, "thing.locked");
    }

    @Test
    void hidesUnexpectedErrorsBehindInternalError() throws Exception {
        JsonNode problem = problem(send(request("/api/v1/things/broken").GET()), 500, "internal-error");
        assertThat(problem.toString()).doesNotContain("secret detail");
    }

    private JsonNode problem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("code").asString()).isEqualTo(code);
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("type").asString()).isEqualTo("urn:pms:problem:" + code);
        return body;
    }

    private HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Boot's test filter skips classes nested in a test class, so the controller is imported explicitly. */
    @SpringBootApplication
    @Import(ThingController.class)
    static class ProblemTestApplication {}

    record ThingRequest(
            @NotBlank String name, @Size(max = 200) String note) {}

    record ThingResponse(String name) {}

    @RestController
    static class ThingController {

        @PostMapping("/api/v1/things")
        ThingResponse create(@Valid @RequestBody ThingRequest request) {
            return new ThingResponse(request.name());
        }

        @GetMapping("/api/v1/things/{name}")
        ThingResponse get(@PathVariable String name) {
            if (name.equals("locked")) {
                throw new BusinessRuleViolation("thing.locked", "The thing is locked");
            }
            throw new IllegalStateException("secret detail");
        }
    }
}
