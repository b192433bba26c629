package com.propcloud.pms.common.audit;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;

/**
 * Reads the audit trail, newest first. Offset pages (the platform's fixed page shape): fine for the
 * filtered, tenant-scoped queries people make; very deep pages cost a skip on the server.
 */
public class AuditTrail {

    private final MongoCollection<Document> collection;

    public AuditTrail(MongoCollection<Document> collection) {
        this.collection = collection;
    }

    public Page<AuditEvent> find(AuditQuery query, Pageable pageable) {
        Bson filter = filter(query);
        List<AuditEvent> content = new ArrayList<>();
        collection
                .find(filter)
                .sort(Sorts.descending(AuditDocuments.OCCURRED_AT, AuditDocuments.ID))
                .skip((int) Math.min(Integer.MAX_VALUE, pageable.getOffset()))
                .limit(pageable.getPageSize())
                .forEach(doc -> content.add(AuditDocuments.fromDocument(doc)));
        long total = collection.countDocuments(filter);
        return new PageImpl<>(content, pageable, total);
    }

    static Bson filter(AuditQuery query) {
        List<Bson> parts = new ArrayList<>();
        if (query.tenantId() != null) {
            parts.add(Filters.eq(AuditDocuments.TENANT_ID, query.tenantId().toString()));
        }
        if (query.actorId() != null) {
            parts.add(Filters.eq(AuditDocuments.ACTOR_ID, query.actorId()));
        }
        if (query.action() != null) {
            parts.add(
                    query.action().endsWith(".*")
                            ? Filters.regex(
                                    AuditDocuments.ACTION,
                                    "^"
                                            + Pattern.quote(query.action()
                                                    .substring(0, query.action().length() - 1)))
                            : Filters.eq(AuditDocuments.ACTION, query.action()));
        }
        if (query.targetId() != null) {
            parts.add(Filters.eq(AuditDocuments.TARGET_ID, query.targetId()));
        }
        if (query.from() != null) {
            parts.add(Filters.gte(AuditDocuments.OCCURRED_AT, Date.from(query.from())));
        }
        if (query.to() != null) {
            parts.add(Filters.lt(AuditDocuments.OCCURRED_AT, Date.from(query.to())));
        }
        return parts.isEmpty() ? new Document() : Filters.and(parts);
    }
}
