package com.propcloud.pms.user;

import com.nimbusds.jose.jwk.JWKSet;
import java.text.ParseException;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The calls the integration tests make, answered as status plus JSON body. */
public final class Api {

    static final String DEMO_PASSWORD = "Demo#2026";

    private static final ParameterizedTypeReference<Json> JSON = new ParameterizedTypeReference<>() {};

    private final RestTestClient client;

    /** A JSON object as the tests read it. */
    public static final class Json extends java.util.LinkedHashMap<String, Object> {

        public String string(String key) {
            return (String) get(key);
        }

        @SuppressWarnings("unchecked")
        public Map<String, Object> object(String key) {
            return (Map<String, Object>) get(key);
        }
    }

    public Api(RestTestClient client) {
        this.client = client;
    }

    EntityExchangeResult<Json> login(String tenant, String username, String password) {
        return post("/api/v1/auth/login", Map.of("tenant", tenant, "username", username, "password", password));
    }

    /** Logs the seeded demo admin in and returns the token pair. */
    Json loginDemoAdmin() {
        var result = login("demo", "admin", DEMO_PASSWORD);
        if (result.getStatus().value() != 200) {
            throw new AssertionError("Demo admin could not log in: " + result.getResponseBody());
        }
        return result.getResponseBody();
    }

    EntityExchangeResult<Json> refresh(Object refreshToken) {
        return post("/api/v1/auth/refresh", Map.of("refreshToken", refreshToken));
    }

    public EntityExchangeResult<Json> get(String path, String bearerToken) {
        var request = client.get().uri(path).accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
        if (bearerToken != null) {
            request = request.header("Authorization", "Bearer " + bearerToken);
        }
        return request.exchange().returnResult(JSON);
    }

    /** The published JWK set, parsed. */
    JWKSet jwks() {
        try {
            return JWKSet.parse(get("/api/v1/auth/jwks", null).getResponseBody());
        } catch (ParseException e) {
            throw new AssertionError("The JWKS is not a JWK set", e);
        }
    }

    /** Logs in and returns the access token, failing the test if the login is refused. */
    String accessToken(String tenant, String username, String password) {
        var result = login(tenant, username, password);
        if (result.getStatus().value() != 200) {
            throw new AssertionError(username + "@" + tenant + " could not log in: " + result.getResponseBody());
        }
        return result.getResponseBody().string("accessToken");
    }

    public EntityExchangeResult<Json> patch(String path, Object body, String bearerToken) {
        return client.patch()
                .uri(path)
                .header("Authorization", "Bearer " + bearerToken)
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                .body(body)
                .exchange()
                .returnResult(JSON);
    }

    public EntityExchangeResult<Json> delete(String path, String bearerToken) {
        return client.delete()
                .uri(path)
                .header("Authorization", "Bearer " + bearerToken)
                .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                .exchange()
                .returnResult(JSON);
    }

    /** The {@code field}s of a validation problem's {@code errors}. */
    static java.util.List<Object> errorFields(Json problem) {
        return ((java.util.List<?>) problem.get("errors"))
                .stream()
                        .map(error -> (Object) ((Map<?, ?>) error).get("field"))
                        .toList();
    }

    public EntityExchangeResult<Json> post(String path, Object body) {
        return post(path, body, null);
    }

    public EntityExchangeResult<Json> post(String path, Object body, String bearerToken) {
        var request = client.post().uri(path);
        if (bearerToken != null) {
            request = request.header("Authorization", "Bearer " + bearerToken);
        }
        return request.contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                .body(body)
                .exchange()
                .returnResult(JSON);
    }
}
