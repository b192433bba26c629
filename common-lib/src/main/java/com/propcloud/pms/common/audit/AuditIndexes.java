package com.propcloud.pms.common.audit;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.util.List;
import org.bson.Document;

/** The indexes the audit queries need: every filter is tenant first, newest first. */
final class AuditIndexes {

    static final List<IndexModel> ALL = List.of(
            index(
                    "tenant_time",
                    Indexes.ascending(AuditDocuments.TENANT_ID),
                    Indexes.descending(AuditDocuments.OCCURRED_AT)),
            index(
                    "tenant_action_time",
                    Indexes.ascending(AuditDocuments.TENANT_ID, AuditDocuments.ACTION),
                    Indexes.descending(AuditDocuments.OCCURRED_AT)),
            index(
                    "tenant_actor_time",
                    Indexes.ascending(AuditDocuments.TENANT_ID, AuditDocuments.ACTOR_ID),
                    Indexes.descending(AuditDocuments.OCCURRED_AT)),
            index(
                    "tenant_target_time",
                    Indexes.ascending(AuditDocuments.TENANT_ID, AuditDocuments.TARGET_ID),
                    Indexes.descending(AuditDocuments.OCCURRED_AT)),
            // platform operators' cross-tenant queries
            new IndexModel(Indexes.descending(AuditDocuments.OCCURRED_AT), new IndexOptions().name("time")));

    private AuditIndexes() {}

    private static IndexModel index(String name, org.bson.conversions.Bson... parts) {
        return new IndexModel(Indexes.compoundIndex(parts), new IndexOptions().name(name));
    }

    /** Idempotent: creating an index that exists with the same keys and name does nothing. */
    static void ensure(MongoCollection<Document> collection) {
        collection.createIndexes(ALL);
    }
}
