package com.propcloud.pms.common.messaging.outbox;

import com.propcloud.pms.common.messaging.envelope.EventEnvelope;
import com.propcloud.pms.common.tenant.TenantContext;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Where services write integration events: in the same database transaction as the state change they
 * announce, so the event exists if and only if the change committed. The outbox relay publishes it
 * afterwards; a crash in between delays the event but never loses it.
 *
 * <pre>{@code
 * @Transactional
 * public void close(UUID ticketId, Integer rating) {
 *     Ticket ticket = tickets.getById(ticketId);
 *     ticket.close(rating, clock);
 *     outbox.append("workorder.ticket.closed", ticket.id(), ticket.projectId(),
 *             new TicketClosedV1(ticket.id(), ticket.closedAt(), rating), 1);
 * }
 * }</pre>
 */
public class Outbox {

    private static final String INSERT = """
            insert into outbox_event
                (event_id, type, schema_version, tenant_id, project_id, aggregate_id, occurred_at, payload)
            values (?, ?, ?, ?, ?, ?, ?, ?::jsonb)""";

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final Runnable afterCommit;

    Outbox(DataSource dataSource, ObjectMapper mapper, Clock clock, Runnable afterCommit) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.mapper = mapper;
        this.clock = clock;
        this.afterCommit = afterCommit;
    }

    /**
     * Records an event of the current tenant in the current transaction.
     *
     * @param type the routing key, {@code <service>.<aggregate>.<event>} in lower case
     * @param aggregateId the aggregate the event is about
     * @param projectId the aggregate's project, where it has one
     * @param payload the flat, versioned payload record; serialised with the application's JSON mapper
     * @param schemaVersion the payload record's version, at least 1
     * @return the event id, which consumers deduplicate on
     * @throws IllegalStateException outside a transaction that writes through this service's DataSource,
     *     or without a tenant in {@link TenantContext}
     */
    public UUID append(String type, UUID aggregateId, @Nullable UUID projectId, Object payload, int schemaVersion) {
        requireTransaction();
        JsonNode payloadJson = mapper.valueToTree(payload);
        // the envelope's constructor is the single place that decides what a valid event is
        EventEnvelope event = new EventEnvelope(
                UUID.randomUUID(),
                type,
                schemaVersion,
                TenantContext.require(),
                projectId,
                aggregateId,
                // PostgreSQL keeps microseconds; truncating here keeps what we store and what we send equal
                clock.instant().truncatedTo(ChronoUnit.MICROS),
                payloadJson);
        jdbc.update(
                INSERT,
                event.eventId(),
                event.type(),
                event.schemaVersion(),
                event.tenantId(),
                event.projectId(),
                event.aggregateId(),
                event.occurredAt().atOffset(ZoneOffset.UTC),
                mapper.writeValueAsString(event.payload()));
        nudgeRelayAfterCommit();
        return event.eventId();
    }

    private void requireTransaction() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException(
                    "Outbox.append needs an active transaction: the event must commit with the state change");
        }
        // a transaction manager that does not bind this DataSource would let the insert commit on its own
        if (!TransactionSynchronizationManager.hasResource(dataSource)) {
            throw new IllegalStateException("The active transaction does not write through the service's"
                    + " DataSource, so the event would not commit atomically with the state change");
        }
    }

    /** Publishes right after the commit instead of at the next poll; the poll stays as the safety net. */
    private void nudgeRelayAfterCommit() {
        boolean registered =
                TransactionSynchronizationManager.getSynchronizations().stream().anyMatch(NudgeRelay.class::isInstance);
        if (!registered) {
            TransactionSynchronizationManager.registerSynchronization(new NudgeRelay(afterCommit));
        }
    }

    private record NudgeRelay(Runnable nudge) implements TransactionSynchronization {

        @Override
        public void afterCommit() {
            nudge.run();
        }
    }
}
