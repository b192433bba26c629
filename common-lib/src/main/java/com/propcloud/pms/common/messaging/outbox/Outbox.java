package com.propcloud.pms.common.messaging.outbox;

import com.propcloud.pms.common.messaging.envelope.EventEnvelope;
import com.propcloud.pms.common.tenant.TenantContext;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
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
    private static final int BATCH_SIZE = 500;

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
     * One event for {@link #appendAll}: the arguments of {@link #append}, so a bulk path can collect its
     * events and write them in one go. Checked when appended, not here, by the same rules as {@code append}.
     *
     * @param type the routing key, {@code <service>.<aggregate>.<event>} in lower case
     * @param aggregateId the aggregate the event is about
     * @param projectId the aggregate's project, where it has one
     * @param payload the flat, versioned payload record
     * @param schemaVersion the payload record's version, at least 1
     */
    public record Event(
            String type, UUID aggregateId, @Nullable UUID projectId, Object payload, int schemaVersion) {}

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
        return appendAll(List.of(new Event(type, aggregateId, projectId, payload, schemaVersion)))
                .get(0);
    }

    /**
     * Records events of the current tenant in the current transaction, as {@link #append} would one by
     * one, but in JDBC batches of {@value #BATCH_SIZE} rows: bulk paths (imports, seeds) append thousands
     * of events in a transaction, and a round trip each would dominate them. Every event is checked and
     * serialised before the first is written, so an invalid one fails the call with nothing written. The
     * rows keep the list's order, in which the relay claims them.
     *
     * @return the event ids, in the order of {@code events}
     * @throws IllegalArgumentException when an event is invalid (type, version, ids, a payload that is not
     *     a JSON object)
     * @throws IllegalStateException outside a transaction that writes through this service's DataSource,
     *     or without a tenant in {@link TenantContext}
     */
    public List<UUID> appendAll(List<Event> events) {
        requireTransaction();
        if (events.isEmpty()) {
            return List.of();
        }
        UUID tenantId = TenantContext.require();
        List<Object[]> rows = new ArrayList<>(events.size());
        List<UUID> ids = new ArrayList<>(events.size());
        for (Event event : events) {
            EventEnvelope envelope = envelope(tenantId, event);
            rows.add(new Object[] {
                envelope.eventId(),
                envelope.type(),
                envelope.schemaVersion(),
                envelope.tenantId(),
                envelope.projectId(),
                envelope.aggregateId(),
                envelope.occurredAt().atOffset(ZoneOffset.UTC),
                mapper.writeValueAsString(envelope.payload())
            });
            ids.add(envelope.eventId());
        }
        // rewritten into multi-row inserts (reWriteBatchedInserts); outbox_event.seq keeps the list order
        // where rows of one statement share created_at's microsecond
        for (int from = 0; from < rows.size(); from += BATCH_SIZE) {
            jdbc.batchUpdate(INSERT, rows.subList(from, Math.min(from + BATCH_SIZE, rows.size())));
        }
        nudgeRelayAfterCommit();
        return List.copyOf(ids);
    }

    private EventEnvelope envelope(UUID tenantId, Event event) {
        JsonNode payloadJson = mapper.valueToTree(event.payload());
        // the envelope's constructor is the single place that decides what a valid event is
        return new EventEnvelope(
                UUID.randomUUID(),
                event.type(),
                event.schemaVersion(),
                tenantId,
                event.projectId(),
                event.aggregateId(),
                // PostgreSQL keeps microseconds; truncating here keeps what we store and what we send equal
                clock.instant().truncatedTo(ChronoUnit.MICROS),
                payloadJson);
    }

    private void requireTransaction() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException(
                    "Outbox.append and appendAll need an active transaction: the event must commit with the state change");
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
