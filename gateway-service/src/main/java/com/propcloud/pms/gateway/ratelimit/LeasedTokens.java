package com.propcloud.pms.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;

/**
 * Requests this gateway instance has already spent from a budget in Redis and may let through
 * without asking again: a lease. A busy key (a user or an address sending many requests) then costs
 * one Redis round trip per lease instead of one per request.
 *
 * <p>Leases never let a client exceed its budget: every leased token was spent in Redis before it
 * is handed out. The price is the other way round: tokens a lease still holds when it lapses are
 * lost, and while one instance holds some, another instance may refuse the same client. Both are
 * bounded by the lease size, which is small next to the budget ({@code burst / }{@value
 * #BURST_FRACTION} at most, and {@code maxSize}) and grows only for keys that use it up: a key
 * starts at one token per Redis call, doubles its next lease each time a lease runs out before it
 * lapses, and halves it each time a lease lapses unused. Quiet keys therefore keep today's exact
 * behaviour, and a lease lapses after {@code lifetime} so tokens are not held from a spell of
 * traffic long gone.
 */
final class LeasedTokens {

    /** A lease never holds more than this share of a bucket's burst. */
    static final long BURST_FRACTION = 10;

    private static final long MAX_KEYS = 100_000;

    private final Cache<String, Lease> leases;
    private final long maxSize;
    private final long lifetimeNanos;

    LeasedTokens(long maxSize, Duration lifetime) {
        this.maxSize = maxSize;
        this.lifetimeNanos = lifetime.toNanos();
        // a key idle for a few lifetimes has nothing left to remember (its next lease starts at 1)
        this.leases = Caffeine.newBuilder()
                .maximumSize(MAX_KEYS)
                .expireAfterAccess(lifetime.multipliedBy(4))
                .build();
    }

    /** Takes one leased token for {@code key}; false if none is held (ask Redis). */
    boolean tryTake(String key, long nowNanos) {
        Lease lease = leases.getIfPresent(key);
        return lease != null && lease.tryTake(nowNanos);
    }

    /** Returns a token taken for a request that another budget then refused. */
    void giveBack(String key) {
        Lease lease = leases.getIfPresent(key);
        if (lease != null) {
            lease.giveBack();
        }
    }

    /** How many tokens to ask Redis for on {@code key}, now that its lease is used up or lapsed. */
    long sizeOfNextLease(String key, long burst, long nowNanos) {
        long cap = Math.max(1, Math.min(maxSize, burst / BURST_FRACTION));
        Lease lease = leases.getIfPresent(key);
        return lease == null ? 1 : Math.min(cap, lease.adapt(nowNanos, cap));
    }

    /**
     * Records what Redis granted: {@code granted} tokens, one of which the current request uses.
     */
    void grant(String key, long granted, long nowNanos) {
        leases.get(key, k -> new Lease(nowNanos)).refill(granted - 1, nowNanos, lifetimeNanos);
    }

    private static final class Lease {

        private long remaining;
        private long expiresAtNanos;
        private long size = 1;

        Lease(long nowNanos) {
            this.expiresAtNanos = nowNanos; // born lapsed: nothing held yet
        }

        synchronized boolean tryTake(long nowNanos) {
            if (remaining > 0 && nowNanos - expiresAtNanos < 0) {
                remaining--;
                return true;
            }
            return false;
        }

        synchronized void giveBack() {
            remaining++;
        }

        synchronized long adapt(long nowNanos, long cap) {
            if (nowNanos - expiresAtNanos < 0) {
                // used up before it lapsed: demand is higher than the lease
                size = Math.min(cap, size * 2);
            } else if (remaining > 0) {
                // lapsed with tokens left: demand is lower
                size = Math.max(1, size / 2);
            }
            return size;
        }

        synchronized void refill(long extra, long nowNanos, long lifetimeNanos) {
            if (nowNanos - expiresAtNanos >= 0) {
                remaining = 0; // what a lapsed lease still held is gone
            }
            remaining += extra;
            expiresAtNanos = nowNanos + lifetimeNanos;
        }
    }
}
