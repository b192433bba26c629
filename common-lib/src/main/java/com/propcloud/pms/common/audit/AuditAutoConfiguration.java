package com.propcloud.pms.common.audit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.propcloud.pms.common.mongo.ServiceMongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.boot.mongodb.autoconfigure.MongoProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The audit trail for services with MongoDB: an {@link AuditLog} that appends to {@code audit_event}
 * and an {@link AuditTrail} that reads it. A service without a {@code MongoClient} gets neither.
 */
@AutoConfiguration(
        after = MongoAutoConfiguration.class,
        afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass(name = "com.mongodb.client.MongoClient")
@ConditionalOnBean(type = "com.mongodb.client.MongoClient")
@EnableConfigurationProperties(AuditProperties.class)
public class AuditAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(AuditLog.class)
    MongoAuditLog auditLog(
            MongoClient client,
            AuditProperties properties,
            ObjectProvider<MongoProperties> mongoProperties,
            ObjectProvider<MongoConnectionDetails> connectionDetails,
            ObjectProvider<MeterRegistry> meters,
            Environment environment) {
        return new MongoAuditLog(
                collection(client, properties, mongoProperties, connectionDetails),
                environment.getProperty("spring.application.name"),
                properties.queueCapacity(),
                properties.batchSize(),
                properties.maxAttempts(),
                properties.retryBackoff(),
                meters.getIfAvailable(() -> Metrics.globalRegistry));
    }

    @Bean
    @ConditionalOnMissingBean
    AuditTrail auditTrail(
            MongoClient client,
            AuditProperties properties,
            ObjectProvider<MongoProperties> mongoProperties,
            ObjectProvider<MongoConnectionDetails> connectionDetails) {
        return new AuditTrail(collection(client, properties, mongoProperties, connectionDetails));
    }

    private static MongoCollection<Document> collection(
            MongoClient client,
            AuditProperties properties,
            ObjectProvider<MongoProperties> mongoProperties,
            ObjectProvider<MongoConnectionDetails> connectionDetails) {
        return client.getDatabase(database(properties, mongoProperties, connectionDetails))
                .getCollection(AuditDocuments.COLLECTION);
    }

    /** {@code pms.audit.database}, else the service's own database. */
    static String database(
            AuditProperties properties,
            ObjectProvider<MongoProperties> mongoProperties,
            ObjectProvider<MongoConnectionDetails> connectionDetails) {
        if (properties.database() != null && !properties.database().isBlank()) {
            return properties.database();
        }
        return ServiceMongoDatabase.name(mongoProperties, connectionDetails);
    }
}
