package com.propcloud.pms.common.redis;

import org.redisson.config.NameMapper;
import org.redisson.spring.starter.RedissonAutoConfigurationCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Prefixes every Redisson key, lock and cache name with {@code pms.redis.key-prefix} where one is
 * set, so a test run and a running platform sharing one Redis never see each other's keys.
 */
@AutoConfiguration
@ConditionalOnClass(RedissonAutoConfigurationCustomizer.class)
public class RedisKeyPrefixAutoConfiguration {

    @Bean
    RedissonAutoConfigurationCustomizer pmsRedisKeyPrefix(@Value("${pms.redis.key-prefix:}") String prefix) {
        return config -> {
            if (!prefix.isEmpty()) {
                config.setNameMapper(new PrefixNameMapper(prefix));
            }
        };
    }

    record PrefixNameMapper(String prefix) implements NameMapper {

        @Override
        public String map(String name) {
            return prefix + name;
        }

        @Override
        public String unmap(String name) {
            return name.startsWith(prefix) ? name.substring(prefix.length()) : name;
        }
    }
}
