package com.propcloud.pms.common.tenant.directory;

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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code GET /internal/v1/tenants} from user-service with a service token it obtains by client
 * credentials ({@code POST /internal/oauth2/token}, HTTP Basic) and keeps until shortly before it
 * expires; a 401 on the list (a token from before a key rotation, say) makes it fetch a fresh one once.
 * Every call has a connect and a request timeout, so a hanging user-service costs bounded time.
 */
final class UserServiceTenantSource implements TenantSource {

    static final String TOKEN_PATH = "/internal/oauth2/token";
    static final String TENANTS_PATH = "/internal/v1/tenants";
    private static final Logger log = LoggerFactory.getLogger(UserServiceTenantSource.class);
    private static final Duration MAX_REFRESH_MARGIN = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final URI tokenUri;
    private final URI tenantsUri;
    private final String clientId;
    private final String basicAuthorization;
    private final Duration requestTimeout;
    private final Clock clock;
    private @Nullable CachedToken token;

    UserServiceTenantSource(
            URI userServiceUri,
            String clientId,
            String clientSecret,
            Duration connectTimeout,
            Duration requestTimeout,
            Clock clock) {
        String base = userServiceUri.toString().replaceAll("/+$", "");
        this.tokenUri = URI.create(base + TOKEN_PATH);
        this.tenantsUri = URI.create(base + TENANTS_PATH);
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

    @Override
    public String describe() {
        return tenantsUri.toString();
    }

    @Override
    public List<TenantRecord> fetchAll() throws IOException, InterruptedException {
        HttpResponse<byte[]> response = getTenants(token(false));
        if (response.statusCode() == 401) {
            response = getTenants(token(true));
        }
        if (response.statusCode() != 200) {
            throw new IOException("GET " + tenantsUri + " answered " + response.statusCode());
        }
        return parseTenants(response.body());
    }

    private HttpResponse<byte[]> getTenants(String accessToken) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(tenantsUri)
                .timeout(requestTimeout)
                .header("Authorization", "Bearer " + accessToken)
                .header("Accept", "application/json")
                .GET()
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
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
            Duration margin = lifetime.dividedBy(2).compareTo(MAX_REFRESH_MARGIN) < 0
                    ? lifetime.dividedBy(2)
                    : MAX_REFRESH_MARGIN;
            token = new CachedToken(value, now.plus(lifetime).minus(margin));
            log.debug("Obtained a service token for {} valid for {}", clientId, lifetime);
            return value;
        } catch (JacksonException e) {
            throw new IOException("POST " + tokenUri + " answered unreadable JSON: " + e.getOriginalMessage(), e);
        }
    }

    static List<TenantRecord> parseTenants(byte[] body) throws IOException {
        JsonNode tenants;
        try {
            tenants = JSON.readTree(body).path("tenants");
        } catch (JacksonException e) {
            throw new IOException("The tenant list is unreadable JSON: " + e.getOriginalMessage(), e);
        }
        if (!tenants.isArray()) {
            throw new IOException("The tenant list has no \"tenants\" array");
        }
        List<TenantRecord> records = new ArrayList<>(tenants.size());
        for (JsonNode tenant : tenants) {
            try {
                records.add(TenantRecord.of(
                        uuid(tenant.path("id")),
                        text(tenant.path("code")),
                        text(tenant.path("name")),
                        text(tenant.path("status")),
                        text(tenant.path("timeZone")),
                        // a list without timestamps loses against any copy an event brought
                        tenant.hasNonNull("updatedAt")
                                ? Instant.parse(tenant.path("updatedAt").asString())
                                : Instant.EPOCH));
            } catch (RuntimeException e) {
                // one bad entry must not keep every other tenant out of the directory
                log.warn("Skipping a tenant user-service listed that cannot be read: {} ({})", tenant, e.getMessage());
            }
        }
        return records;
    }

    private static @Nullable UUID uuid(JsonNode node) {
        return node.isString() ? UUID.fromString(node.asString()) : null;
    }

    private static @Nullable String text(JsonNode node) {
        return node.isString() ? node.asString() : null;
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
