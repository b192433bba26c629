package com.propcloud.pms.common.mongo;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.boot.mongodb.autoconfigure.MongoProperties;

/**
 * The MongoDB database a service works in: {@code spring.mongodb.database}, else the one named in the
 * connection string ({@code MONGODB_URI}), else {@code pms}. One rule for every user of it, so the
 * audit trail and the readiness check never look at different databases.
 */
public final class ServiceMongoDatabase {

    static final String DEFAULT = "pms";

    private ServiceMongoDatabase() {}

    public static String name(
            ObjectProvider<MongoProperties> mongoProperties, ObjectProvider<MongoConnectionDetails> connectionDetails) {
        MongoProperties mongo = mongoProperties.getIfAvailable();
        if (mongo != null && mongo.getDatabase() != null && !mongo.getDatabase().isBlank()) {
            return mongo.getDatabase();
        }
        MongoConnectionDetails details = connectionDetails.getIfAvailable();
        if (details != null && details.getConnectionString().getDatabase() != null) {
            return details.getConnectionString().getDatabase();
        }
        return DEFAULT;
    }
}
