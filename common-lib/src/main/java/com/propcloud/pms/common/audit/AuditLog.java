package com.propcloud.pms.common.audit;

import java.time.Duration;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The append-only audit trail (collection {@code audit_event} in the service's MongoDB database).
 * Present in every service that has a {@code MongoClient}.
 *
 * <p>{@link #record(AuditEvent)} never throws and never waits for MongoDB: the event is queued and
 * written in the background, retried while MongoDB is unreachable, and only dropped (logged, counted
 * as {@code pms.audit.write.failed}) when the bounded queue is full or retries are exhausted. An
 * audit failure therefore never fails or slows the business operation being audited.
 */
public interface AuditLog {

    void record(AuditEvent event);

    /**
     * Records the event once the surrounding transaction has committed (at once outside one), so that
     * a change that rolls back (a lost race on a unique key, say) leaves no entry claiming it happened.
     * Build the event before calling, while the caller's identity is still at hand.
     */
    default void recordAfterCommit(AuditEvent event) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            record(event);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                record(event);
            }
        });
    }

    /** Waits up to {@code timeout} until everything recorded so far is written (or given up); for shutdown and tests. */
    boolean flush(Duration timeout);
}
