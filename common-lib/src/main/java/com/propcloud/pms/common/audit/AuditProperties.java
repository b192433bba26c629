package com.propcloud.pms.common.audit;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code pms.audit.*}: where and how the audit trail is written.
 *
 * @param database the MongoDB database; by default {@code spring.mongodb.database}, else the URI's
 * @param queueCapacity events held in memory while MongoDB is slow or down; beyond it they are dropped
 * @param maxAttempts attempts per batch before it is dropped (with backoff from {@code retryBackoff}, capped at 30 s)
 */
@ConfigurationProperties("pms.audit")
public record AuditProperties(
        @Nullable String database,
        @DefaultValue("10000") int queueCapacity,
        @DefaultValue("200") int batchSize,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("1s") Duration retryBackoff) {}
