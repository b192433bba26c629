package com.propcloud.pms.asset.occupancy;

import com.propcloud.pms.common.security.ServiceTokenClient;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link PeopleRegistry} over user-service's internal owners API ({@code /internal/v1/tenants/{tenantId}/owners}:
 * {@code POST …/batch}, {@code GET} the listing, {@code POST …/lookup}), called directly (never through the
 * gateway) with a service token ({@link ServiceTokenClient}: client credentials, one fresh token on a 401,
 * connect and request timeouts). 200 is the answer; 422 {@code owner.batch-invalid} is {@link
 * PeopleRegistry.Refused}; no connection, a timeout, a 5xx (and a 401, 409 or 429, which a later try may
 * not meet) is {@link PeopleRegistry.Unavailable}. Anything else (an unknown or suspended tenant, a client
 * user-service does not accept) is a fault of the setup, not of the request: {@link IllegalStateException}.
 * Phones travel only in request bodies, never in a URI, so no message here can carry one.
 */
@Component
class UserServicePeople implements PeopleRegistry {

    static final String BATCH_PATH = "/internal/v1/tenants/%s/owners/batch";
    static final String LIST_PATH = "/internal/v1/tenants/%s/owners";
    static final String LOOKUP_PATH = "/internal/v1/tenants/%s/owners/lookup";
    static final String BATCH_INVALID = "owner.batch-invalid";
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final ServiceTokenClient client;

    UserServicePeople(UserServiceProperties properties, Clock clock) {
        this.client = new ServiceTokenClient(
                properties.uri(),
                properties.clientId(),
                properties.clientSecret(),
                properties.connectTimeout(),
                properties.requestTimeout(),
                clock);
    }

    /** The request body: the candidates are sent as they are ({@code ref, displayName, phone, idNumber, category}). */
    private record BatchRequest(UUID importId, List<Candidate> owners) {}

    private record BatchResponse(List<Owner> owners) {}

    private record Owner(
            String ref,
            UUID ownerId,
            boolean created,
            String displayName,
            @Nullable String phoneMasked,
            String category,
            String status,
            Instant updatedAt) {

        Registered toRegistered() {
            return new Registered(ref, ownerId, created, displayName, phoneMasked, category, status, updatedAt);
        }
    }

    /** A page of the listing: {@code OwnerChangedV1}'s fields per person, and where the next page starts. */
    private record Listing(
            @Nullable List<Listed> owners, @Nullable Cursor next) {}

    private record Listed(
            UUID ownerId,
            String displayName,
            @Nullable String phoneMasked,
            @Nullable String category,
            String status,
            Instant updatedAt) {

        Snapshot toSnapshot() {
            // an owner from before categories counts as an owner, as the event consumer takes it
            return new Snapshot(
                    ownerId, displayName, phoneMasked, category == null ? "OWNER" : category, status, updatedAt);
        }
    }

    private record LookupRequest(List<String> phones) {}

    /** {@code index} is the phone's position in the request; {@code phone} comes back masked. */
    private record LookupResponse(@Nullable List<Found> owners) {}

    private record Found(int index, UUID ownerId) {}

    private record ProblemBody(
            @Nullable String code,
            @Nullable String detail,
            @Nullable List<Problem> problems) {}

    @Override
    public List<Registered> register(UUID tenantId, UUID importId, List<Candidate> batch) {
        if (batch.size() > MAX_BATCH) {
            throw new IllegalArgumentException("At most " + MAX_BATCH + " people per batch, not " + batch.size());
        }
        if (batch.isEmpty()) {
            return List.of();
        }
        URI uri = client.resolve(BATCH_PATH.formatted(tenantId));
        HttpResponse<byte[]> response = send(uri, post(JSON.writeValueAsBytes(new BatchRequest(importId, batch))));
        int status = response.statusCode();
        if (status == 200) {
            return people(uri, response.body(), batch.size());
        }
        ProblemBody problem = problem(response.body());
        if (status == 422 && BATCH_INVALID.equals(problem.code())) {
            throw new Refused(problem.problems() == null ? List.of() : problem.problems());
        }
        throw failed("POST", uri, status, problem);
    }

    @Override
    public Changes changed(UUID tenantId, @Nullable Cursor from, int size) {
        if (size < 1 || size > MAX_PAGE) {
            throw new IllegalArgumentException("A page holds 1 to " + MAX_PAGE + " people, not " + size);
        }
        StringBuilder query = new StringBuilder("?size=").append(size);
        if (from != null) {
            query.append("&updatedSince=").append(encode(from.updatedSince().toString()));
            if (from.after() != null) {
                query.append("&after=").append(from.after());
            }
        }
        URI uri = client.resolve(LIST_PATH.formatted(tenantId) + query);
        HttpResponse<byte[]> response = send(uri, HttpRequest.newBuilder(uri).GET());
        if (response.statusCode() != 200) {
            throw failed("GET", uri, response.statusCode(), problem(response.body()));
        }
        Listing listing = read(uri, response.body(), Listing.class);
        if (listing.owners() == null) {
            throw new IllegalStateException("GET " + uri + " answered no owners");
        }
        return new Changes(listing.owners().stream().map(Listed::toSnapshot).toList(), listing.next());
    }

    @Override
    public Map<String, UUID> findByPhones(UUID tenantId, List<String> phones) {
        if (phones.size() > MAX_LOOKUP) {
            throw new IllegalArgumentException("At most " + MAX_LOOKUP + " phones per lookup, not " + phones.size());
        }
        if (phones.isEmpty()) {
            return Map.of();
        }
        URI uri = client.resolve(LOOKUP_PATH.formatted(tenantId));
        HttpResponse<byte[]> response = send(uri, post(JSON.writeValueAsBytes(new LookupRequest(phones))));
        if (response.statusCode() != 200) {
            throw failed("POST", uri, response.statusCode(), problem(response.body()));
        }
        List<Found> owners = read(uri, response.body(), LookupResponse.class).owners();
        Map<String, UUID> found = new HashMap<>();
        for (Found owner : owners == null ? List.<Found>of() : owners) {
            if (owner.index() < 0 || owner.index() >= phones.size()) {
                throw new IllegalStateException("POST " + uri + " answered a phone it was not asked for");
            }
            found.put(phones.get(owner.index()), owner.ownerId());
        }
        return found;
    }

    private static HttpRequest.Builder post(byte[] body) {
        return HttpRequest.newBuilder()
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }

    private HttpResponse<byte[]> send(URI uri, HttpRequest.Builder request) {
        try {
            return client.send(
                    request.uri(uri).header("Accept", "application/json, application/problem+json"),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            // no connection, a timeout, or a token endpoint that refused or failed
            throw new Unavailable(uri + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("Interrupted while waiting for " + uri, e);
        }
    }

    /** What an answer other than the expected one means: try again later, or a fault of the setup. */
    private static RuntimeException failed(String method, URI uri, int status, ProblemBody problem) {
        String answer = method + " " + uri + " answered " + status + " " + problem.code() + ": " + problem.detail();
        if (status >= 500 || status == 401 || status == 409 || status == 429) {
            return new Unavailable(answer, null);
        }
        return new IllegalStateException(answer);
    }

    private static <T> T read(URI uri, byte[] body, Class<T> type) {
        try {
            T value = JSON.readValue(body, type);
            if (value == null) {
                throw new IllegalStateException(uri + " answered no JSON");
            }
            return value;
        } catch (JacksonException e) {
            throw new IllegalStateException(uri + " answered unreadable JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static List<Registered> people(URI uri, byte[] body, int expected) {
        List<Owner> owners = read(uri, body, BatchResponse.class).owners();
        if (owners == null || owners.size() != expected) {
            throw new IllegalStateException("POST " + uri + " answered " + (owners == null ? "no" : owners.size())
                    + " people for " + expected + " entries");
        }
        return owners.stream().map(Owner::toRegistered).toList();
    }

    /** The problem user-service answered, as far as it can be read (a proxy's error page cannot). */
    private static ProblemBody problem(byte[] body) {
        try {
            ProblemBody problem = JSON.readValue(body, ProblemBody.class);
            return problem == null ? new ProblemBody(null, null, null) : problem;
        } catch (JacksonException e) {
            return new ProblemBody(null, null, null);
        }
    }
}
