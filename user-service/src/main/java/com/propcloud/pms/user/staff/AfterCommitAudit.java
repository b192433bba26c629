package com.propcloud.pms.user.staff;

import com.propcloud.pms.common.audit.AuditEvent;
import com.propcloud.pms.common.audit.AuditLog;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records an audit event once the surrounding transaction has committed, so that a change that rolls
 * back (a lost race on the unique username, say) leaves no entry claiming it happened. The event is built
 * by the caller at once, while the caller's identity is still at hand.
 */
final class AfterCommitAudit {

    private AfterCommitAudit() {}

    static void record(AuditLog audit, AuditEvent event) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            audit.record(event);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                audit.record(event);
            }
        });
    }
}
