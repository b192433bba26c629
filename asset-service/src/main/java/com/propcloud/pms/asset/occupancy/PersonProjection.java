package com.propcloud.pms.asset.occupancy;

import com.propcloud.pms.common.messaging.envelope.EventEnvelope;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code person} in step with user-service's owner events. Runs in the inbox transaction with the
 * event's tenant set (so row-level security files the row under that tenant); a redelivery is skipped
 * before it gets here. Events may arrive out of order: an update older than the stored copy is ignored.
 * Imports and {@link PersonSync} write through the same guarded statement, so whichever copy is newest
 * wins whatever arrives last.
 */
@Component
class PersonProjection {

    private static final Logger log = LoggerFactory.getLogger(PersonProjection.class);

    // the where clause makes an older event a no-op instead of rolling back a newer state, and the same
    // version again (an import's copy, then the person's own event; a sync) a no-op instead of a rewrite
    private static final String UPSERT = """
            insert into person (id, tenant_id, display_name, phone_masked, category, status,
                                source_updated_at, received_at)
            values (?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (id) do update set
                display_name = excluded.display_name,
                phone_masked = excluded.phone_masked,
                category = excluded.category,
                status = excluded.status,
                source_updated_at = excluded.source_updated_at,
                received_at = excluded.received_at
            where person.source_updated_at < excluded.source_updated_at""";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    PersonProjection(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * People as user-service holds them, recorded at once rather than when their events arrive (which
     * then find the same state and change nothing): those an import just created or matched, and those
     * {@link PersonSync} listed. A copy older than the stored one is skipped, as an older event is.
     */
    void recordAll(UUID tenantId, List<PeopleRegistry.Snapshot> people, Timestamp receivedAt) {
        jdbc.batchUpdate(
                UPSERT,
                people.stream()
                        .map(p -> new Object[] {
                            p.personId(),
                            tenantId,
                            p.displayName(),
                            p.phoneMasked(),
                            p.category(),
                            p.status(),
                            Timestamp.from(p.updatedAt()),
                            receivedAt
                        })
                        .toList());
    }

    void apply(EventEnvelope event) {
        if (!OwnerChanged.CREATED.equals(event.type()) && !OwnerChanged.UPDATED.equals(event.type())) {
            log.debug("No projection for {}", event.type());
            return;
        }
        OwnerChanged owner = event.payloadAs(OwnerChanged.class);
        int changed = jdbc.update(
                UPSERT,
                owner.ownerId(),
                event.tenantId(),
                owner.displayName(),
                owner.phoneMasked(),
                owner.category() == null ? "OWNER" : owner.category(),
                owner.status(),
                Timestamp.from(owner.updatedAt()),
                Timestamp.from(clock.instant()));
        if (changed == 0) {
            // the person id only: names and phones stay out of logs
            log.debug("Ignored a stale {} for person {}", event.type(), owner.ownerId());
        }
    }
}
