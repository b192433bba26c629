package com.propcloud.pms.common.security;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls user-service's internal API as one of the platform's services: obtains a service token by
 * client credentials ({@code POST /internal/oauth2/token}, HTTP Basic), keeps it until shortly before it
 * expires, and sends requests with it; a 401 (a token from before a key rotation, say) makes it fetch a
 * fresh token and send once more. Every exchange has a connect and a request timeout, so a hanging
 * user-service costs bounded time. Thread-safe; one per client and base URI.
 */
public final class ServiceTokenClient {

    public static final String TOKEN_PATH = "/internal/oauth2/token";
    private static final Logger log = LoggerFactory.getLogger(ServiceTokenClient.class);
    private static final Duration MAX_RENEW_MARGIN = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final String baseUri;
    private final URI tokenUri;
    private final String clientId;
    private final String basicAuthorization;
    private final Duration requestTimeout;
    private final Clock clock;
    private @Nullable CachedToken token;

    /**
     * @param baseUri user-service's base URI for the internal API, never the gateway's
     * @param clientId this service's client id at the token endpoint (its {@code spring.application.name})
     * @param requestTimeout how long to wait for each answer, the token's and the request's
     */
    public ServiceTokenClient(
            URI baseUri,
            String clientId,
            String clientSecret,
            Duration connectTimeout,
            Duration requestTimeout,
            Clock clock) {
        this.baseUri = baseUri.toString().replaceAll("/+$", "");
        this.tokenUri = resolve(TOKEN_PATH);
        this.clientId = clientId;
        // RFC 6749 section 2.3.1: both parts form-encoded before they are joined and base64-encoded
        String credentials = URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
        this.basicAuthorization =
                "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
        this.requestTimeout = requestTimeout;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** {@code path} (starting with a slash) under the base URI. */
    public URI resolve(String path) {
        return URI.create(baseUri + path);
    }

    public String clientId() {
        return clientId;
    }

    /**
     * Sends {@code request} with the service token as bearer and the request timeout; on a 401 once more
     * with a fresh token. The builder is copied for each attempt, so it may be reused.
     *
     * @throws IOException when the token endpoint refuses this client or answers nonsense, or the
     *     exchange fails ({@link java.net.http.HttpTimeoutException} on a timeout)
     */
    public <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body)
            throws IOException, InterruptedException {
        HttpResponse<T> response = http.send(authorised(request, token(false)), body);
        if (response.statusCode() == 401) {
            response = http.send(authorised(request, token(true)), body);
        }
        return response;
    }

    private HttpRequest authorised(HttpRequest.Builder request, String accessToken) {
        return request.copy()
                .timeout(requestTimeout)
                .setHeader("Authorization", "Bearer " + accessToken)
                .build();
    }

    /** The cached service token, or a new one when it is (nearly) expired or {@code renew} asks. */
    synchronized String token(boolean renew) throws IOException, InterruptedException {
        Instant now = clock.instant();
        if (!renew && token != null && now.isBefore(token.renewAt())) {
            return token.value();
        }
        HttpRequest request = HttpRequest.newBuilder(tokenUri)
                .timeout(requestTimeout)
                .header("Authorization", basicAuthorization)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            token = null;
            throw new IOException("POST " + tokenUri + " refused client " + clientId + ": " + response.statusCode()
                    + " " + oauthError(response.body()));
        }
        try {
            JsonNode body = JSON.readTree(response.body());
            String value = body.path("access_token").asString("");
            long expiresIn = body.path("expires_in").asLong(0);
            if (value.isEmpty() || expiresIn <= 0) {
                throw new IOException("POST " + tokenUri + " answered no access_token with a positive expires_in");
            }
            Duration lifetime = Duration.ofSeconds(expiresIn);
            // renew a minute ahead, or halfway through a token that lives less than two minutes
            Duration margin =
                    lifetime.dividedBy(2).compareTo(MAX_RENEW_MARGIN) < 0 ? lifetime.dividedBy(2) : MAX_RENEW_MARGIN;
            token = new CachedToken(value, now.plus(lifetime).minus(margin));
            log.debug("Obtained a service token for {} valid for {}", clientId, lifetime);
            return value;
        } catch (JacksonException e) {
            throw new IOException("POST " + tokenUri + " answered unreadable JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String oauthError(byte[] body) {
        try {
            JsonNode json = JSON.readTree(body);
            return json.has("error") ? json.path("error").asString() : "";
        } catch (JacksonException e) {
            return "";
        }
    }

    private record CachedToken(String value, Instant renewAt) {}
}
