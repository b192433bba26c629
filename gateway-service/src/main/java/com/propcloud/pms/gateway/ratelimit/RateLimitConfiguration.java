package com.propcloud.pms.gateway.ratelimit;

import com.propcloud.pms.gateway.problem.ProblemResponses;
import io.micrometer.core.instrument.MeterRegistry;
import org.redisson.api.RedissonClient;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.cloud.gateway.filter.headers.TrustedProxies;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The rate limiter, unless {@code pms.gateway.rate-limit.enabled} is false. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "pms.gateway.rate-limit.enabled", matchIfMissing = true)
class RateLimitConfiguration {

    @Bean
    RedisRateLimiter pmsRateLimiter(
            RedissonClient redisson, RateLimitProperties properties, RedisKeyProperties keys, MeterRegistry meters) {
        return new RedisRateLimiter(redisson, properties, keys.prefix(), meters);
    }

    @Bean
    ApplicationListener<ApplicationReadyEvent> pmsRateLimiterWarmUp(RedisRateLimiter limiter) {
        return event -> limiter.warmUp();
    }

    @Bean
    RateLimitFilter pmsRateLimitFilter(
            RedisRateLimiter limiter,
            RateLimitProperties properties,
            Environment environment,
            ProblemResponses problems) {
        // the same proxies the gateway trusts (and extends) X-Forwarded-* from
        ClientAddresses addresses = new ClientAddresses(environment.getProperty(TrustedProxies.PROPERTY));
        return new RateLimitFilter(limiter, properties, addresses, problems);
    }
}
