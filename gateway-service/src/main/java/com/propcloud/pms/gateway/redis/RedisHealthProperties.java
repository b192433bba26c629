package com.propcloud.pms.gateway.redis;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param healthTimeout the longest a Redis health check may take before it reports DOWN; keeps
 *     readiness probes answering while Redis hangs or is unreachable
 */
@Validated
@ConfigurationProperties("pms.gateway.redis")
record RedisHealthProperties(@NotNull Duration healthTimeout) {}
