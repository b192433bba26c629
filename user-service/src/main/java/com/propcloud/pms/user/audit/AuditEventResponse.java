package com.propcloud.pms.user.audit;

import com.propcloud.pms.common.audit.AuditEvent;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One audit event as the API shows it. Personal numbers in it are already masked when stored. */
record AuditEventResponse(
        UUID id,
        @Nullable UUID tenantId,
        @Nullable Actor actor,
        String action,
        @Nullable Target target,
        Instant occurredAt,
        @Nullable String ip,
        @Nullable String userAgent,
        Map<String, String> details) {

    record Actor(String id, @Nullable String kind, @Nullable String display) {}

    record Target(String type, String id) {}

    static AuditEventResponse of(AuditEvent event) {
        return new AuditEventResponse(
                event.id(),
                event.tenantId(),
                event.actor() == null
                        ? null
                        : new Actor(
                                event.actor().id(),
                                event.actor().kind(),
                                event.actor().display()),
                event.action(),
                event.target() == null
                        ? null
                        : new Target(event.target().type(), event.target().id()),
                event.occurredAt(),
                event.ip(),
                event.userAgent(),
                event.details());
    }
}
