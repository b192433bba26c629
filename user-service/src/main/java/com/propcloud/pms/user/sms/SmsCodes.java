package com.propcloud.pms.user.sms;

import com.propcloud.pms.common.audit.Masking;
import com.propcloud.pms.user.crypto.SearchHash;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Issues and checks the one-time SMS codes owners log in and reset passwords with: six digits from
 * {@link SecureRandom}, valid for {@code pms.sms.code-life}, at most one per phone per {@code
 * resend-interval} and {@code max-per-day} per phone per calendar day in {@code day-zone} (Asia/Shanghai
 * by default: "ten today" means what an owner in China thinks it means, and Retry-After points at the
 * next midnight there).
 *
 * <p>Redis (keys prefixed per environment by common-lib) holds only an HMAC of each code under the
 * service's secret hash key, with a count of tries; every check-and-change runs as one Lua script, so two
 * concurrent requests can neither both get past a limit nor both use one code. Codes live per tenant,
 * purpose and phone; the limits count per phone key across tenants and purposes, since they protect
 * the handset and the SMS budget. Unlike the login throttle this fails closed: without Redis there is
 * nowhere to keep a code.
 */
@Service
public class SmsCodes {

    private static final Logger log = LoggerFactory.getLogger(SmsCodes.class);
    private static final String CODE_KEY = "sms-code:";
    private static final String RESEND_KEY = "sms-code-resend:";
    private static final String DAY_KEY = "sms-code-day:";
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    /**
     * KEYS: resend marker, day counter, code. ARGV: resend ms, max per day, day counter ms, code hash,
     * code life ms. Answers {0, 0} when admitted (and stores the code, replacing any earlier one and
     * its tries), {1, ms to wait} when too soon, {2, 0} when the day's codes are spent.
     */
    private static final String ISSUE = """
            local resend = tonumber(ARGV[1])
            if resend > 0 then
              local wait = redis.call('pttl', KEYS[1])
              if wait > 0 then return {1, wait} end
            end
            local today = tonumber(redis.call('get', KEYS[2]) or '0')
            if today >= tonumber(ARGV[2]) then return {2, 0} end
            redis.call('incr', KEYS[2])
            if today == 0 then redis.call('pexpire', KEYS[2], ARGV[3]) end
            if resend > 0 then redis.call('set', KEYS[1], '1', 'PX', resend) end
            redis.call('del', KEYS[3])
            redis.call('hset', KEYS[3], 'hash', ARGV[4], 'tries', 0)
            redis.call('pexpire', KEYS[3], ARGV[5])
            return {0, 0}
            """;

    /**
     * KEYS: code. ARGV: max tries. Reserves one try before the comparison, so parallel guesses can
     * never compare more often than allowed: answers {hash, try number}, or {'', 0} when there is no
     * code (none issued, expired, used or burnt).
     */
    private static final String RESERVE_TRY = """
            local hash = redis.call('hget', KEYS[1], 'hash')
            if not hash then return {'', 0} end
            local try = redis.call('hincrby', KEYS[1], 'tries', 1)
            if try > tonumber(ARGV[1]) then
              redis.call('del', KEYS[1])
              return {'', 0}
            end
            return {hash, try}
            """;

    /** KEYS: code. ARGV: hash. Deletes the code if it is still the one compared; 1 if this call did. */
    private static final String DELETE_IF_SAME = """
            if redis.call('hget', KEYS[1], 'hash') == ARGV[1] then
              return redis.call('del', KEYS[1])
            end
            return 0
            """;

    private final RedissonClient redis;
    private final SmsSender sender;
    private final SmsProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;
    private final SearchHash secretHash;
    private final SecureRandom random = new SecureRandom();

    SmsCodes(
            RedissonClient redis,
            SmsSender sender,
            SmsProperties properties,
            Clock clock,
            MeterRegistry meters,
            SearchHash secretHash) {
        this.redis = redis;
        this.sender = sender;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
        this.secretHash = secretHash;
    }

    /**
     * Issues a code, replacing the phone's earlier one for this purpose, and sends it. A provider that
     * refuses the message is logged and counted; the code stays issued and the limits stay counted.
     *
     * @throws SmsCodeThrottledException when the phone had a code within the resend interval or has had
     *     all of today's
     */
    public void issue(UUID tenantId, String phoneKey, String phone, SmsPurpose purpose) {
        String code = store(tenantId, phoneKey, purpose);
        send(new SmsMessage(phone, purpose.name(), Map.of("code", code, "minutes", lifeInMinutes())));
    }

    /**
     * Counts against the same limits and stores a code nobody will ever see, but sends nothing: for a
     * phone without an account, so that the answer (and its timing) does not reveal whether one exists.
     *
     * @throws SmsCodeThrottledException like {@link #issue}
     */
    public void issueWithoutSending(UUID tenantId, String phoneKey, SmsPurpose purpose) {
        store(tenantId, phoneKey, purpose);
    }

    /**
     * Whether {@code code} is the current code for this phone and purpose; true at most once per code.
     * A wrong code counts a try, and the try that reaches {@code max-wrong-tries} burns the code, so the
     * right code fails afterwards too. The comparison takes the same time wherever the codes differ.
     */
    public boolean verify(UUID tenantId, String phoneKey, SmsPurpose purpose, @Nullable String code) {
        String key = codeKey(tenantId, phoneKey, purpose);
        List<Object> reserved = script().eval(
                        RScript.Mode.READ_WRITE,
                        RESERVE_TRY,
                        RScript.ReturnType.LIST,
                        List.<Object>of(key),
                        Integer.toString(properties.maxWrongTries()));
        String stored = (String) reserved.get(0);
        long tryNumber = ((Number) reserved.get(1)).longValue();
        if (stored.isEmpty()) {
            return false;
        }
        boolean matches = MessageDigest.isEqual(
                stored.getBytes(StandardCharsets.US_ASCII),
                hash(phoneKey, tenantId, purpose, code == null ? "" : code).getBytes(StandardCharsets.US_ASCII));
        if (matches) {
            // only one of two concurrent right answers deletes it, and only that one succeeds
            return deleteIfSame(key, stored);
        }
        if (tryNumber >= properties.maxWrongTries()) {
            deleteIfSame(key, stored);
        }
        return false;
    }

    private String store(UUID tenantId, String phoneKey, SmsPurpose purpose) {
        String code = newCode();
        ZonedDateTime now = clock.instant().atZone(properties.dayZone());
        LocalDate today = now.toLocalDate();
        Instant nextMidnight =
                today.plusDays(1).atStartOfDay(properties.dayZone()).toInstant();
        Duration untilMidnight = Duration.between(now.toInstant(), nextMidnight);
        List<Object> answer = script().eval(
                        RScript.Mode.READ_WRITE,
                        ISSUE,
                        RScript.ReturnType.LIST,
                        List.<Object>of(
                                RESEND_KEY + phoneKey,
                                DAY_KEY + today.format(DAY) + ":" + phoneKey,
                                codeKey(tenantId, phoneKey, purpose)),
                        Long.toString(properties.resendInterval().toMillis()),
                        Integer.toString(properties.maxPerDay()),
                        // a day's counter outlives its day a little, for clocks a bit apart between instances
                        Long.toString(untilMidnight.plusHours(1).toMillis()),
                        hash(phoneKey, tenantId, purpose, code),
                        Long.toString(properties.codeLife().toMillis()));
        long outcome = ((Number) answer.get(0)).longValue();
        if (outcome == 1) {
            throw new SmsCodeThrottledException(Duration.ofMillis(((Number) answer.get(1)).longValue()));
        }
        if (outcome == 2) {
            throw new SmsCodeThrottledException(untilMidnight);
        }
        return code;
    }

    private void send(SmsMessage message) {
        try {
            sender.send(message);
        } catch (RuntimeException e) {
            // the exception's message might quote the message: name only its type
            log.warn(
                    "SMS provider {} refused the {} message to {}: {}",
                    properties.provider(),
                    message.template(),
                    Masking.phone(message.phone()),
                    e.getClass().getName());
            meters.counter("pms.sms.sent", "provider", properties.provider(), "outcome", "failed")
                    .increment();
        }
    }

    private String newCode() {
        return String.format(Locale.ROOT, "%06d", random.nextInt(1_000_000));
    }

    private String lifeInMinutes() {
        return Long.toString(Math.max(1, properties.codeLife().toMinutes()));
    }

    private boolean deleteIfSame(String key, String hash) {
        Long deleted = script().eval(
                        RScript.Mode.READ_WRITE, DELETE_IF_SAME, RScript.ReturnType.LONG, List.<Object>of(key), hash);
        return deleted != null && deleted == 1L;
    }

    private RScript script() {
        return redis.getScript(StringCodec.INSTANCE);
    }

    private static String codeKey(UUID tenantId, String phoneKey, SmsPurpose purpose) {
        return CODE_KEY + tenantId + ":" + purpose.name().toLowerCase(Locale.ROOT) + ":" + phoneKey;
    }

    /**
     * HMAC-SHA256 under the service's secret hash key over tenant, purpose, phone key and code: Redis
     * never holds a code, and someone who can read Redis cannot try the million codes offline.
     */
    private String hash(String phoneKey, UUID tenantId, SmsPurpose purpose, String code) {
        return secretHash.of("sms-code", tenantId + ":" + purpose.name() + ":" + phoneKey + ":" + code);
    }
}
