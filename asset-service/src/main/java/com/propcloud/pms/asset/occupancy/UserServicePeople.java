package com.propcloud.pms.asset.occupancy;

import com.propcloud.pms.common.security.ServiceTokenClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link PeopleRegistry} over user-service's {@code POST /internal/v1/tenants/{tenantId}/owners/batch},
 * called directly (never through the gateway) with a service token ({@link ServiceTokenClient}: client
 * credentials, one fresh token on a 401, connect and request timeouts). 200 is the batch's people; 422
 * {@code owner.batch-invalid} is {@link PeopleRegistry.Refused}; no connection, a timeout, a 5xx (and a
 * 401, 409 or 429, which a later try may not meet) is {@link PeopleRegistry.Unavailable}. Anything else
 * (an unknown or suspended tenant, a client user-service does not accept) is a fault of the setup, not of
 * the batch: {@link IllegalStateException}.
 */
@Component
class UserServicePeople implements PeopleRegistry {

    static final String BATCH_PATH = "/internal/v1/tenants/%s/owners/batch";
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
        HttpResponse<byte[]> response = send(uri, JSON.writeValueAsBytes(new BatchRequest(importId, batch)));
        int status = response.statusCode();
        if (status == 200) {
            return people(uri, response.body(), batch.size());
        }
        ProblemBody problem = problem(response.body());
        if (status == 422 && BATCH_INVALID.equals(problem.code())) {
            throw new Refused(problem.problems() == null ? List.of() : problem.problems());
        }
        String answer = "POST " + uri + " answered " + status + " " + problem.code() + ": " + problem.detail();
        if (status >= 500 || status == 401 || status == 409 || status == 429) {
            throw new Unavailable(answer, null);
        }
        throw new IllegalStateException(answer);
    }

    private HttpResponse<byte[]> send(URI uri, byte[] body) {
        try {
            return client.send(
                    HttpRequest.newBuilder(uri)
                            .header("Content-Type", "application/json")
                            .header("Accept", "application/json, application/problem+json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body)),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            // no connection, a timeout, or a token endpoint that refused or failed
            throw new Unavailable("POST " + uri + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("Interrupted while waiting for POST " + uri, e);
        }
    }

    private static List<Registered> people(URI uri, byte[] body, int expected) {
        List<Owner> owners;
        try {
            owners = JSON.readValue(body, BatchResponse.class).owners();
        } catch (JacksonException e) {
            throw new IllegalStateException("POST " + uri + " answered unreadable JSON: " + e.getOriginalMessage(), e);
        }
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
