package com.propcloud.pms.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every service behind the gateway must do when reached directly: refuse a request without a
 * valid access token with a 401 problem, whatever is wrong with the token, and accept a valid one.
 * A service's {@code DirectServiceAccessIT} extends this and says where it listens; its context must
 * validate tokens against {@link TestJwks} (the default under {@link UsesPmsInfrastructure}).
 */
public abstract class DirectServiceAccessContract {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The port the service under test listens on. */
    protected abstract int port();

    /** A business path of this service that needs a token; an unknown one is fine. */
    protected String protectedPath() {
        return "/api/v1/not-a-resource";
    }

    @Test
    void refusesRequestWithoutToken() throws Exception {
        assertUnauthenticated(get(null));
    }

    @Test
    void refusesGarbageToken() throws Exception {
        assertUnauthenticated(get("not-a-jwt"));
    }

    @Test
    void refusesTokenSignedWithAnotherKey() throws Exception {
        assertUnauthenticated(get(TestJwks.get().forgedToken().sign()));
    }

    @Test
    void refusesExpiredToken() throws Exception {
        assertUnauthenticated(get(TestJwks.get().token().expired().sign()));
    }

    @Test
    void refusesTokenOfAnotherIssuer() throws Exception {
        assertUnauthenticated(get(TestJwks.get().token().issuer("someone-else").sign()));
    }

    @Test
    void acceptsValidTokenAndAnswersUnknownPathWithNotFoundProblem() throws Exception {
        String token = TestJwks.get().staffToken(UUID.randomUUID(), "demo", "HQ_ADMIN");
        HttpResponse<String> response = get(token, "/api/v1/no-such-resource-" + UUID.randomUUID());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(problemCode(response)).isEqualTo("not-found");
    }

    private void assertUnauthenticated(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(problemCode(response)).isEqualTo("auth.unauthenticated");
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
    }

    private HttpResponse<String> get(String token) throws IOException, InterruptedException {
        return get(token, protectedPath());
    }

    private HttpResponse<String> get(String token, String path) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port() + path))
                .timeout(Duration.ofSeconds(10))
                .header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String problemCode(HttpResponse<String> response) {
        JsonNode body = JSON.readTree(response.body());
        return body.path("code").asString();
    }
}
