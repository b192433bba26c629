package com.propcloud.pms.common.mongo;

import com.mongodb.client.MongoClient;
import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.boot.mongodb.autoconfigure.MongoProperties;
import org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The {@code mongo} readiness check as a {@code ping} of the service's own database, instead of Boot's
 * default, which lists every database on the server and sends each a {@code hello}: heavy on a shared
 * server, and a command the embedded MongoDB stand-in of local runs does not answer once databases
 * exist. {@code ping} is answered by MongoDB and the stand-in alike.
 */
@AutoConfiguration(after = MongoAutoConfiguration.class, before = MongoHealthContributorAutoConfiguration.class)
@ConditionalOnClass({MongoClient.class, HealthIndicator.class})
@ConditionalOnBean(MongoClient.class)
public class MongoHealthAutoConfiguration {

    /** Named so that Boot's own Mongo health contributor backs off; reported as {@code mongo}. */
    @Bean
    HealthIndicator mongoHealthContributor(
            MongoClient client,
            ObjectProvider<MongoProperties> mongoProperties,
            ObjectProvider<MongoConnectionDetails> connectionDetails) {
        String database = ServiceMongoDatabase.name(mongoProperties, connectionDetails);
        return new AbstractHealthIndicator("MongoDB health check failed") {
            @Override
            protected void doHealthCheck(Health.Builder builder) {
                Document answer = client.getDatabase(database).runCommand(new Document("ping", 1));
                builder.up().withDetail("database", database).withDetail("ok", answer.get("ok"));
            }
        };
    }
}
