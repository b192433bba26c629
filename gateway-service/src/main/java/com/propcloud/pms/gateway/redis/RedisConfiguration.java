package com.propcloud.pms.gateway.redis;

import org.redisson.spring.starter.RedissonAutoConfigurationCustomizer;
import org.springframework.boot.data.redis.health.DataRedisReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import reactor.core.publisher.Mono;

/**
 * Redis (through Redisson) for the rate limits to come. For now it only has to be reachable, and
 * readiness says whether it is; a Redis outage must neither stop the gateway starting nor stall its
 * health endpoint.
 */
@Configuration(proxyBeanMethods = false)
class RedisConfiguration {

    /** Connect on first use: the gateway starts (and reports not-ready) while Redis is away. */
    @Bean
    RedissonAutoConfigurationCustomizer lazyRedisson() {
        return config -> config.setLazyInitialization(true);
    }

    /**
     * Replaces Boot's {@code redis} indicator (same bean name) with one bounded in time: Redisson
     * retries a failing command several times, which would otherwise hold the probe for many
     * seconds.
     */
    @Bean
    ReactiveHealthIndicator redisHealthContributor(
            ReactiveRedisConnectionFactory connectionFactory, RedisHealthProperties properties) {
        ReactiveHealthIndicator redis = new DataRedisReactiveHealthIndicator(connectionFactory);
        return () -> redis.health().timeout(properties.healthTimeout(), Mono.fromSupplier(() -> Health.down()
                .withDetail("error", "no answer within " + properties.healthTimeout())
                .build()));
    }
}
