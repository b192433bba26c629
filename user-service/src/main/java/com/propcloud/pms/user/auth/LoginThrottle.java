package com.propcloud.pms.user.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.function.Supplier;
import org.redisson.api.RAtomicLong;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins in Redis (keys prefixed by {@code pms.redis.key-prefix}, which common-lib
 * applies to every Redisson name), per tenant code + username and per client address.
 *
 * <p>An account key exists whether or not the account (or even the tenant) does, so a locked unknown
 * username behaves exactly like a locked real one. The username is stored only as a SHA-256 digest:
 * people type their password into it often enough. If Redis is unreachable the throttle fails open
 * (logins keep working without lockout) and says so in the log.
 */
@Component
class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    private static final String ACCOUNT_KEY = "login-failures:account:";
    private static final String IP_KEY = "login-failures:ip:";

    private final RedissonClient redis;
    private final LoginThrottleProperties properties;

    LoginThrottle(RedissonClient redis, LoginThrottleProperties properties) {
        this.redis = redis;
        this.properties = properties;
    }

    /** Refuses (429) an address that has failed too often lately, whatever account it tries. */
    void requireAddressAllowed(String address) {
        RAtomicLong failures = redis.getAtomicLong(IP_KEY + address);
        long count = failOpen(failures::get, 0L);
        if (count >= properties.ipMaxFailures()) {
            long ttl = failOpen(failures::remainTimeToLive, -1L);
            Duration retryAfter = ttl > 0 ? Duration.ofMillis(ttl) : properties.ipWindow();
            throw new LoginThrottledException(retryAfter);
        }
    }

    /** Whether this tenant + username is locked; the answer must never reach the client as such. */
    boolean locked(String tenantCode, String username) {
        return failOpen(
                        () -> redis.getAtomicLong(accountKey(tenantCode, username))
                                .get(),
                        0L)
                >= properties.accountMaxFailures();
    }

    void recordFailure(String tenantCode, String username, String address) {
        count(
                accountKey(tenantCode, username),
                properties.accountWindow(),
                properties.accountMaxFailures(),
                properties.lockDuration());
        count(IP_KEY + address, properties.ipWindow(), Long.MAX_VALUE, properties.ipWindow());
    }

    /** A successful login clears the account's failures (not the address's). */
    void recordSuccess(String tenantCode, String username) {
        failOpen(() -> redis.getAtomicLong(accountKey(tenantCode, username)).delete(), false);
    }

    /**
     * Counts one failure. The window starts with the first failure; reaching {@code lockAt} restarts
     * the key's life as the lock's duration, so a lock lasts that long from the failure that set it.
     * Later failures (INCR) keep the key's expiry.
     */
    private void count(String key, Duration window, long lockAt, Duration lock) {
        failOpen(
                () -> {
                    RAtomicLong counter = redis.getAtomicLong(key);
                    long count = counter.incrementAndGet();
                    if (count == 1) {
                        counter.expire(window);
                    } else if (count == lockAt) {
                        counter.expire(lock);
                    } else if (counter.remainTimeToLive() == -1) {
                        // an expiry lost between INCR and EXPIRE (a crash): never keep a key forever
                        counter.expire(window);
                    }
                    return count;
                },
                0L);
    }

    private static String accountKey(String tenantCode, String username) {
        String tenant = tenantCode.strip().toLowerCase(Locale.ROOT);
        return ACCOUNT_KEY + tenant + ":" + sha256(username.strip().toLowerCase(Locale.ROOT));
    }

    private static <T> T failOpen(Supplier<T> call, T fallback) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            log.warn("Login throttle unavailable, failing open: {}", e.toString());
            return fallback;
        }
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
