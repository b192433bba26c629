package com.propcloud.pms.common.audit;

import com.propcloud.pms.common.security.CurrentUser;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the audit trail: who ({@link Actor}) did what ({@code action}, a stable dotted code
 * such as {@code auth.login.succeeded}) to what ({@link Target}), for which tenant, when and from
 * where. Construction enforces what may be stored: {@code details} is a small map of strings whose
 * keys naming a secret (password, token, SMS code…) are redacted and whose values have any full
 * mobile or ID number masked ({@link Masking#scrub(String)}); the actor's display name, the target id
 * and the user agent are scrubbed the same way. Times are kept to the millisecond, as stored.
 *
 * @param tenantId null for platform-level events (operators, unknown tenant at login)
 * @param actor null when nobody is authenticated (a failed login)
 */
public record AuditEvent(
        UUID id,
        @Nullable UUID tenantId,
        @Nullable Actor actor,
        String action,
        @Nullable Target target,
        Instant occurredAt,
        @Nullable String ip,
        @Nullable String userAgent,
        Map<String, String> details) {

    public static final int MAX_DETAILS = 20;
    public static final int MAX_DETAIL_LENGTH = 500;
    public static final int MAX_USER_AGENT_LENGTH = 300;
    public static final String REDACTED = "[redacted]";

    private static final Pattern ACTION = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z0-9][a-z0-9-]*)+");
    private static final Pattern SECRET_KEY =
            Pattern.compile(".*(password|passwd|pwd|secret|token|sms|otp|credential|captcha|verification).*");

    /** Who acted: a user id with the token's {@code kind} (staff, owner, operator, service) and a display name. */
    public record Actor(
            String id, @Nullable String kind, @Nullable String display) {
        public Actor {
            Objects.requireNonNull(id, "actor id");
            display = Masking.scrub(display);
        }

        public static Actor of(UUID userId, String kind, @Nullable String display) {
            return new Actor(userId.toString(), kind, display);
        }
    }

    /** What was acted on, e.g. {@code ("staff", <id>)}, {@code ("tenant", <id>)}, {@code ("token-family", <id>)}. */
    public record Target(String type, String id) {
        public Target {
            Objects.requireNonNull(type, "target type");
            Objects.requireNonNull(id, "target id");
            id = Masking.scrub(id);
        }

        public static Target of(String type, Object id) {
            return new Target(type, String.valueOf(id));
        }
    }

    public AuditEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (!ACTION.matcher(action).matches()) {
            throw new IllegalArgumentException("An audit action is a lower-case dotted code, e.g. auth.login.failed");
        }
        occurredAt = occurredAt.truncatedTo(ChronoUnit.MILLIS);
        userAgent = userAgent == null ? null : Masking.scrub(truncate(userAgent, MAX_USER_AGENT_LENGTH));
        details = guard(details);
    }

    public static Builder builder(String action) {
        return new Builder(action);
    }

    /**
     * The details as they may be stored: at most {@link #MAX_DETAILS} entries, values cut to {@link
     * #MAX_DETAIL_LENGTH} characters, a key naming a secret has its value replaced by {@link #REDACTED},
     * and any full mobile number or ID number in a value is masked.
     */
    static Map<String, String> guard(@Nullable Map<String, String> details) {
        if (details == null || details.isEmpty()) {
            return Map.of();
        }
        Map<String, String> safe = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : details.entrySet()) {
            if (safe.size() == MAX_DETAILS) {
                break;
            }
            String key = entry.getKey();
            if (key == null || key.isBlank() || entry.getValue() == null) {
                continue;
            }
            // Mongo field names: no dots or leading dollar
            key = truncate(key.strip().replace('.', '_').replace('$', '_'), 64);
            boolean secret = SECRET_KEY.matcher(key.toLowerCase(Locale.ROOT)).matches();
            safe.put(key, secret ? REDACTED : Masking.scrub(truncate(entry.getValue(), MAX_DETAIL_LENGTH)));
        }
        return Collections.unmodifiableMap(safe);
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }

    /** Assembles an event; {@link #build()} fills in a fresh id and, unless given, the current time. */
    public static final class Builder {

        private final String action;
        private @Nullable UUID tenantId;
        private @Nullable Actor actor;
        private @Nullable Target target;
        private @Nullable Instant occurredAt;
        private @Nullable String ip;
        private @Nullable String userAgent;
        private final Map<String, String> details = new LinkedHashMap<>();

        private Builder(String action) {
            this.action = action;
        }

        public Builder tenant(@Nullable UUID tenantId) {
            this.tenantId = tenantId;
            return this;
        }

        public Builder actor(@Nullable Actor actor) {
            this.actor = actor;
            return this;
        }

        public Builder actor(UUID userId, String kind, @Nullable String display) {
            return actor(Actor.of(userId, kind, display));
        }

        /** Actor and tenant from the current request's validated token, if there is one. */
        public Builder byCurrentUser() {
            CurrentUser.current().ifPresent(user -> {
                this.actor = Actor.of(user.userId(), user.kind(), null);
                this.tenantId = user.tenantId();
            });
            return this;
        }

        public Builder target(String type, Object id) {
            this.target = Target.of(type, id);
            return this;
        }

        public Builder at(Instant occurredAt) {
            this.occurredAt = occurredAt;
            return this;
        }

        /** IP and user agent, e.g. from {@link RequestOrigin#current()}. */
        public Builder origin(RequestOrigin origin) {
            this.ip = origin.ip();
            this.userAgent = origin.userAgent();
            return this;
        }

        public Builder detail(String key, @Nullable Object value) {
            if (value != null) {
                details.put(key, String.valueOf(value));
            }
            return this;
        }

        public AuditEvent build() {
            return new AuditEvent(
                    UUID.randomUUID(),
                    tenantId,
                    actor,
                    action,
                    target,
                    occurredAt == null ? Instant.now() : occurredAt,
                    ip,
                    userAgent,
                    details);
        }
    }
}
