package com.propcloud.pms.test;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The Testcontainers path for MongoDB, taken wherever a Docker engine exists. Skipped, not failed, on
 * machines without one.
 */
@Testcontainers(disabledWithoutDocker = true)
class MongoContainerIT {

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer(TestContainers.MONGO);

    @Test
    void storesAndReadsDocumentsInContainer() {
        String uri = TestMongo.withDatabase(MONGO.getConnectionString(), "probe");
        try (var client = MongoClients.create(uri)) {
            var collection = client.getDatabase("probe").getCollection("probe");
            collection.insertOne(new Document("k", "v"));
            assertThat(collection.find().first()).containsEntry("k", "v");
        }
    }
}
