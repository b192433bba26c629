package com.propcloud.pms.gateway.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Checks and spends request budgets in Redis, and never lets Redis trouble become gateway trouble.
 *
 * <p>Algorithm: GCRA (the generic cell rate algorithm, as in redis-cell, Stripe's and rack-attack's
 * limiters), which is an exact token bucket that stores one number per key: the "theoretical arrival
 * time" of the next request. Chosen over Redisson's {@code RRateLimiter} because that one has no
 * separate burst (capacity) next to the rate and does not say how long to wait, which
 * {@code Retry-After} needs; and over a two-field token bucket because one value per key is less to
 * read and write. All budgets of a request are checked in one Lua script, so the check is atomic, one
 * round trip, and a refused request spends nothing from any bucket. Time comes from Redis
 * ({@code TIME}), so gateway instances with drifting clocks still agree.
 *
 * <p>Leases ({@link LeasedTokens}): the script may spend several requests of a bucket at once, and
 * this instance hands them out locally, so a busy key asks Redis once per lease rather than once per
 * request. Tokens are always spent in Redis before they are used, so leasing never admits more than
 * the budget; a request whose other budget refuses it returns the leased token it took.
 *
 * <p>Failing open: the call is bounded by {@code redis-timeout}; any failure or timeout lets the
 * request through, counts {@code pms.gateway.ratelimit.failopen}, logs at most one warning per
 * {@code warn-interval}, and pauses the limiter for {@code fail-open-pause} so that during an outage
 * requests do not each wait for the timeout.
 */
final class RedisRateLimiter {

    private static final Logger log = LoggerFactory.getLogger(RedisRateLimiter.class);

    /**
     * KEYS: one per budget. ARGV: per budget, its emission interval (µs), burst and the tokens wanted
     * (a lease, at least 1), in KEYS order. When every budget has room for at least one request, spends
     * from each as many of the wanted tokens as it has room for and returns {0, 0, granted 1, granted
     * 2, ...}; else spends nothing and returns {index of the tightest refusing budget (1-based),
     * microseconds until it has room for one}.
     */
    static final String SCRIPT = """
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
            local tats, grants = {}, {}
            local which, wait = 0, 0
            for i, key in ipairs(KEYS) do
              local interval = tonumber(ARGV[3 * i - 2])
              local burst = tonumber(ARGV[3 * i - 1])
              local want = tonumber(ARGV[3 * i])
              local stored = redis.call('GET', key)
              local tat = stored and tonumber(stored) or now
              if tat < now then tat = now end
              local room = math.floor((now + burst * interval - tat) / interval)
              if room < 1 then
                local until_room = tat + interval - burst * interval - now
                if until_room > wait then which, wait = i, until_room end
              else
                if room > want then room = want end
                grants[i] = room
                tats[i] = tat + room * interval
              end
            end
            if which > 0 then return {which, wait} end
            local reply = {0, 0}
            for i, key in ipairs(KEYS) do
              redis.call('SET', key, string.format('%.0f', tats[i]), 'PX', math.ceil((tats[i] - now) / 1000))
              reply[i + 2] = grants[i]
            end
            return reply
            """;

    /** One budget applied to one subject (a user, an address). */
    record Bucket(Budget budget, String subject, RateLimitProperties.Budget limits) {}

    enum Budget {
        USER("user"),
        IP("ip"),
        AUTH_IP("auth-ip");

        final String tag;

        Budget(String tag) {
            this.tag = tag;
        }
    }

    /** The answer: allowed, or refused by {@code budget} for {@code retryAfter}. */
    record Decision(boolean allowed, Budget budget, Duration retryAfter) {
        static final Decision ALLOWED = new Decision(true, null, Duration.ZERO);
    }

    private final RScript script;
    private final LeasedTokens leases;
    private final RateLimitProperties properties;
    private final String keyPrefix;
    private volatile boolean connected;
    private final AtomicLong pausedUntilNanos = new AtomicLong(System.nanoTime());
    private final AtomicLong nextWarnNanos = new AtomicLong(System.nanoTime());
    private final AtomicLong suppressedWarnings = new AtomicLong();
    private final Counter allowed;
    private final Counter leased;
    private final Map<Budget, Counter> limited = new EnumMap<>(Budget.class);
    private final Counter failOpenError;
    private final Counter failOpenTimeout;
    private final Counter failOpenPaused;

    RedisRateLimiter(RedissonClient redisson, RateLimitProperties properties, String keyPrefix, MeterRegistry meters) {
        // the asynchronous API, not redisson.reactive(): its proxy adds a reflective call and a
        // wrapper per command, and a Mono over the future is all the filter needs
        this.script = redisson.getScript(StringCodec.INSTANCE);
        this.leases = new LeasedTokens(
                properties.lease().maxSize(), properties.lease().lifetime());
        this.properties = properties;
        this.keyPrefix = keyPrefix + "gateway:ratelimit:";
        this.allowed = Counter.builder("pms.gateway.ratelimit.allowed")
                .description("Requests the rate limiter let through after checking their budgets")
                .register(meters);
        this.leased = Counter.builder("pms.gateway.ratelimit.leased")
                .description("Of the allowed requests, those every budget of which a lease covered (no Redis call)")
                .register(meters);
        for (Budget budget : Budget.values()) {
            limited.put(
                    budget,
                    Counter.builder("pms.gateway.ratelimit.limited")
                            .description("Requests refused with 429 because a budget was spent")
                            .tag("budget", budget.tag)
                            .register(meters));
        }
        this.failOpenError = failOpenCounter(meters, "error");
        this.failOpenTimeout = failOpenCounter(meters, "timeout");
        this.failOpenPaused = failOpenCounter(meters, "paused");
    }

    private static Counter failOpenCounter(MeterRegistry meters, String reason) {
        return Counter.builder("pms.gateway.ratelimit.failopen")
                .description("Requests let through unchecked because Redis failed, was slow, or recently failed")
                .tag("reason", reason)
                .register(meters);
    }

    /**
     * Connects to Redis and loads the script ahead of the first request (Redisson connects lazily);
     * never fails: without Redis the gateway starts and the limiter fails open.
     */
    void warmUp() {
        Mono.fromCompletionStage(() -> script.scriptLoadAsync(SCRIPT))
                .subscribeOn(Schedulers.boundedElastic())
                .subscribe(
                        sha -> log.debug("Rate limit script loaded ({})", sha),
                        failure -> log.warn("Rate limit script not loaded; Redis unavailable? {}", failure.toString()));
    }

    Mono<Decision> check(List<Bucket> buckets) {
        if (System.nanoTime() - pausedUntilNanos.get() < 0) {
            failOpenPaused.increment();
            return Mono.just(Decision.ALLOWED);
        }
        long now = System.nanoTime();
        List<String> keys = new ArrayList<>(buckets.size());
        List<Bucket> toAsk = null;
        List<Object> askKeys = null;
        for (Bucket bucket : buckets) {
            String key = keyPrefix + bucket.budget().tag + ":" + bucket.subject();
            keys.add(key);
            if (!leases.tryTake(key, now)) {
                if (toAsk == null) {
                    toAsk = new ArrayList<>(buckets.size());
                    askKeys = new ArrayList<>(buckets.size());
                }
                toAsk.add(bucket);
                askKeys.add(key);
            }
        }
        if (toAsk == null) {
            allowed.increment();
            leased.increment();
            return Mono.just(Decision.ALLOWED);
        }
        List<Bucket> asked = toAsk;
        List<Object> askedKeys = askKeys;
        return ask(asked, askedKeys, now)
                .map(reply -> decide(reply, keys, asked, askedKeys))
                .onErrorResume(failure -> {
                    failOpen(failure);
                    return Mono.just(Decision.ALLOWED);
                });
    }

    /** Spends from the buckets no lease covered, in one script call. */
    private Mono<List<Object>> ask(List<Bucket> buckets, List<Object> keys, long now) {
        Object[] args = new Object[buckets.size() * 3];
        for (int i = 0; i < buckets.size(); i++) {
            RateLimitProperties.Budget limits = buckets.get(i).limits();
            args[3 * i] = Long.toString(limits.emissionIntervalMicros());
            args[3 * i + 1] = Long.toString(limits.burst());
            args[3 * i + 2] = Long.toString(leases.sizeOfNextLease((String) keys.get(i), limits.burst(), now));
        }
        Mono<List<Object>> call = Mono.fromCompletionStage(() ->
                script.<List<Object>>evalAsync(RScript.Mode.READ_WRITE, SCRIPT, RScript.ReturnType.LIST, keys, args));
        if (!connected) {
            // until Redisson has connected once, it connects lazily on the calling thread and blocks it
            // (connect timeout, retries) while Redis is away: keep that off the event loop, and let the
            // timeout below free the request. Once connected, commands are asynchronous: no thread hop.
            call = call.subscribeOn(Schedulers.boundedElastic());
        }
        return call.doOnNext(reply -> connected = true).timeout(properties.redisTimeout());
    }

    private Decision decide(List<Object> reply, List<String> keys, List<Bucket> asked, List<Object> askedKeys) {
        int which = (int) asLong(reply.get(0));
        if (which == 0) {
            long now = System.nanoTime();
            for (int i = 0; i < asked.size(); i++) {
                leases.grant((String) askedKeys.get(i), asLong(reply.get(i + 2)), now);
            }
            allowed.increment();
            return Decision.ALLOWED;
        }
        // refused: the tokens this request took from leases of the other budgets were not used
        for (String key : keys) {
            if (!askedKeys.contains(key)) {
                leases.giveBack(key);
            }
        }
        Budget budget = asked.get(which - 1).budget();
        limited.get(budget).increment();
        return new Decision(false, budget, Duration.ofNanos(asLong(reply.get(1)) * 1_000));
    }

    private static long asLong(Object value) {
        return value instanceof Number number ? number.longValue() : Long.parseLong(value.toString());
    }

    private void failOpen(Throwable failure) {
        boolean timeout = failure instanceof TimeoutException;
        (timeout ? failOpenTimeout : failOpenError).increment();
        long now = System.nanoTime();
        pausedUntilNanos.set(now + properties.failOpenPause().toNanos());
        long due = nextWarnNanos.get();
        if (now - due >= 0
                && nextWarnNanos.compareAndSet(
                        due, now + properties.warnInterval().toNanos())) {
            log.warn(
                    "Rate limits not enforced: Redis {} ({}); letting requests through for {}"
                            + " ({} similar warnings suppressed)",
                    timeout ? "did not answer within " + properties.redisTimeout() : "failed",
                    failure.toString(),
                    properties.failOpenPause(),
                    suppressedWarnings.getAndSet(0));
        } else {
            suppressedWarnings.incrementAndGet();
        }
    }
}
