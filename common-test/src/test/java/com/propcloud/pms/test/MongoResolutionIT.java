package com.propcloud.pms.test;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * The MongoDB a test run resolves behaves as the platform's usage needs (CRUD, indexes, simple
 * aggregation), and is the run's own database: the embedded MongoDB-wire server on a machine without
 * MongoDB or Docker, as here.
 */
class MongoResolutionIT {

    @Test
    void runUsesItsOwnDatabase() {
        TestInfrastructure infra = TestInfrastructure.get();
        assertThat(infra.mongoUri()).contains("/" + infra.runId());
    }

    @Test
    void supportsCrudIndexesAndGrouping() {
        try (var client = MongoClients.create(TestInfrastructure.get().mongoUri())) {
            var audit = client.getDatabase(TestInfrastructure.get().runId()).getCollection("audit_probe");
            audit.createIndex(Indexes.ascending("tenantId", "at"));
            audit.insertMany(List.of(
                    new Document("tenantId", "t1").append("action", "login").append("at", 1),
                    new Document("tenantId", "t1").append("action", "login").append("at", 2),
                    new Document("tenantId", "t2").append("action", "logout").append("at", 3)));

            assertThat(audit.countDocuments(Filters.eq("tenantId", "t1"))).isEqualTo(2);
            List<Document> perAction = audit.aggregate(List.of(
                            Aggregates.match(Filters.gte("at", 1)),
                            Aggregates.group("$action", Accumulators.sum("n", 1)),
                            Aggregates.sort(Sorts.ascending("_id"))))
                    .into(new ArrayList<>());
            assertThat(perAction)
                    .extracting(d -> d.getString("_id") + "=" + d.getInteger("n"))
                    .containsExactly("login=2", "logout=1");
        }
    }

    @Test
    void withDatabaseKeepsHostsAndOptions() {
        assertThat(TestMongo.withDatabase("mongodb://a:1,b:2/old?replicaSet=rs0", "run"))
                .isEqualTo("mongodb://a:1,b:2/run?replicaSet=rs0");
        assertThat(TestMongo.withDatabase("mongodb://localhost:27017", "run"))
                .isEqualTo("mongodb://localhost:27017/run");
    }
}
