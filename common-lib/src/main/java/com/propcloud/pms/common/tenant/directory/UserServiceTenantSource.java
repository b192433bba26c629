package com.propcloud.pms.common.tenant.directory;

import com.propcloud.pms.common.security.ServiceTokenClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code GET /internal/v1/tenants} from user-service as a service ({@link ServiceTokenClient}:
 * client credentials, the token kept until shortly before it expires, one fresh token on a 401, connect
 * and request timeouts).
 */
final class UserServiceTenantSource implements TenantSource {

    static final String TENANTS_PATH = "/internal/v1/tenants";
    private static final Logger log = LoggerFactory.getLogger(UserServiceTenantSource.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ServiceTokenClient client;
    private final URI tenantsUri;

    UserServiceTenantSource(
            URI userServiceUri,
            String clientId,
            String clientSecret,
            Duration connectTimeout,
            Duration requestTimeout,
            Clock clock) {
        this(new ServiceTokenClient(userServiceUri, clientId, clientSecret, connectTimeout, requestTimeout, clock));
    }

    UserServiceTenantSource(ServiceTokenClient client) {
        this.client = client;
        this.tenantsUri = client.resolve(TENANTS_PATH);
    }

    @Override
    public String describe() {
        return tenantsUri.toString();
    }

    @Override
    public List<TenantRecord> fetchAll() throws IOException, InterruptedException {
        HttpResponse<byte[]> response = client.send(
                HttpRequest.newBuilder(tenantsUri)
                        .header("Accept", "application/json")
                        .GET(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + tenantsUri + " answered " + response.statusCode());
        }
        return parseTenants(response.body());
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
                        // absent from an older user-service: unlimited
                        limit(tenant.path("maxProjects")),
                        limit(tenant.path("maxUnits")),
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

    private static @Nullable Integer limit(JsonNode node) {
        return node.isIntegralNumber() ? node.asInt() : null;
    }

    private static @Nullable String text(JsonNode node) {
        return node.isString() ? node.asString() : null;
    }
}
