package com.propcloud.pms.asset.occupancy;

import static org.awaitility.Awaitility.await;

import com.propcloud.pms.test.EventTap;
import com.propcloud.pms.test.TestJwks;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import tools.jackson.databind.node.ObjectNode;

/**
 * People as the tests make them: the way production does, by publishing user-service's owner event to
 * RabbitMQ and waiting for asset-service's projection to take it in.
 */
public final class People {

    private final EventTap tap;
    private final DataSource dataSource;

    public People(EventTap tap, DataSource dataSource) {
        this.tap = tap;
        this.dataSource = dataSource;
    }

    /** An owner token of this person ({@code sub} = the person id), as user-service issues one. */
    public static String ownerToken(UUID tenant, UUID person) {
        return TestJwks.get()
                .token()
                .subject(person)
                .tenant(tenant, "t" + tenant.toString().substring(0, 6))
                .kind("owner")
                .roles("OWNER")
                .sign();
    }

    /** A new active person of the tenant, once the projection holds them. */
    public UUID person(UUID tenant, String name) {
        UUID person = UUID.randomUUID();
        publish("user.owner.created", tenant, person, name, "ACTIVE", Instant.now());
        awaitName(tenant, person, name);
        return person;
    }

    /** Publishes {@code user.owner.created|updated} in the golden shape, with a new event id. */
    public UUID publish(String type, UUID tenant, UUID person, String name, String status, Instant updatedAt) {
        ObjectNode envelope = (ObjectNode) EventTap.golden(type + ".v1.json").deepCopy();
        UUID eventId = UUID.randomUUID();
        envelope.put("eventId", eventId.toString());
        envelope.put("tenantId", tenant.toString());
        envelope.put("aggregateId", person.toString());
        envelope.put("occurredAt", updatedAt.toString());
        ObjectNode payload = (ObjectNode) envelope.path("payload");
        payload.put("ownerId", person.toString());
        payload.put("displayName", name);
        payload.put("status", status);
        payload.put("updatedAt", updatedAt.toString());
        tap.publish(envelope);
        return eventId;
    }

    public void awaitName(UUID tenant, UUID person, String name) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> stored(tenant, person).map(Stored::displayName).orElse(""), name::equals);
    }

    /** A row of the projection. */
    public record Stored(String displayName, String phoneMasked, String status) {}

    /** The projected row, read as the application role under the tenant, as row-level security allows. */
    public Optional<Stored> stored(UUID tenant, UUID person) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement set = connection.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
                set.setString(1, tenant.toString());
                set.execute();
            }
            try (PreparedStatement st =
                    connection.prepareStatement("select display_name, phone_masked, status from person where id = ?")) {
                st.setObject(1, person);
                try (ResultSet rs = st.executeQuery()) {
                    Optional<Stored> row = rs.next()
                            ? Optional.of(new Stored(rs.getString(1), rs.getString(2), rs.getString(3)))
                            : Optional.empty();
                    connection.rollback();
                    return row;
                }
            }
        }
    }
}
