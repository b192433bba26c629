package com.propcloud.pms.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The platform-wide Redis key prefix (same property as the services'); tests set a per-run value so
 * their buckets never meet a running platform's.
 *
 * @param keyPrefix prepended to every key the limiter writes, may be empty
 */
@ConfigurationProperties("pms.redis")
record RedisKeyProperties(String keyPrefix) {

    String prefix() {
        return keyPrefix == null ? "" : keyPrefix;
    }
}
