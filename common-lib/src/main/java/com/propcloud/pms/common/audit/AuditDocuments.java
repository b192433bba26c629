package com.propcloud.pms.common.audit;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

/** The stored shape of an {@link AuditEvent}; ids as strings, so every driver and tool reads them alike. */
final class AuditDocuments {

    static final String COLLECTION = "audit_event";

    static final String ID = "_id";
    static final String TENANT_ID = "tenantId";
    static final String ACTOR = "actor";
    static final String ACTOR_ID = "actor.id";
    static final String ACTION = "action";
    static final String TARGET = "target";
    static final String TARGET_ID = "target.id";
    static final String OCCURRED_AT = "occurredAt";
    static final String SOURCE = "source";

    private AuditDocuments() {}

    static Document toDocument(AuditEvent event, @Nullable String source) {
        Document doc = new Document(ID, event.id().toString());
        doc.append(TENANT_ID, event.tenantId() == null ? null : event.tenantId().toString());
        if (event.actor() != null) {
            doc.append(
                    ACTOR,
                    new Document("id", event.actor().id())
                            .append("kind", event.actor().kind())
                            .append("display", event.actor().display()));
        }
        doc.append(ACTION, event.action());
        if (event.target() != null) {
            doc.append(
                    TARGET,
                    new Document("type", event.target().type())
                            .append("id", event.target().id()));
        }
        doc.append(OCCURRED_AT, Date.from(event.occurredAt()));
        doc.append("ip", event.ip());
        doc.append("userAgent", event.userAgent());
        doc.append("details", new Document(new LinkedHashMap<>(event.details())));
        if (source != null) {
            doc.append(SOURCE, source);
        }
        return doc;
    }

    static AuditEvent fromDocument(Document doc) {
        Document actor = doc.get(ACTOR, Document.class);
        Document target = doc.get(TARGET, Document.class);
        Document details = doc.get("details", Document.class);
        Map<String, String> detailMap = new LinkedHashMap<>();
        if (details != null) {
            details.forEach((key, value) -> detailMap.put(key, value == null ? null : value.toString()));
        }
        String tenant = doc.getString(TENANT_ID);
        return new AuditEvent(
                UUID.fromString(doc.getString(ID)),
                tenant == null ? null : UUID.fromString(tenant),
                actor == null
                        ? null
                        : new AuditEvent.Actor(
                                actor.getString("id"), actor.getString("kind"), actor.getString("display")),
                doc.getString(ACTION),
                target == null ? null : new AuditEvent.Target(target.getString("type"), target.getString("id")),
                doc.getDate(OCCURRED_AT).toInstant(),
                doc.getString("ip"),
                doc.getString("userAgent"),
                detailMap);
    }
}
