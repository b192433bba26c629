package com.propcloud.pms.common.messaging.inbox;

import com.propcloud.pms.common.messaging.envelope.EventEnvelope;

/**
 * Applies one event's effect. Runs inside the transaction that records the event in the inbox, with
 * {@code TenantContext} set to the event's tenant; throwing rolls both back and schedules a retry.
 */
@FunctionalInterface
public interface EventHandler {

    void handle(EventEnvelope event) throws Exception;
}
