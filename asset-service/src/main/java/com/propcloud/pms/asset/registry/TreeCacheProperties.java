package com.propcloud.pms.asset.registry;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How long a project tree stays in Redis. Changes invalidate it at once; the time to live only bounds
 * what a lost invalidation (Redis unreachable at that moment) can leave stale.
 */
@Validated
@ConfigurationProperties("asset.tree-cache")
record TreeCacheProperties(@NotNull Duration ttl) {}
