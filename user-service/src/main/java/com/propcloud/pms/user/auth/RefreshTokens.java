package com.propcloud.pms.user.auth;

import com.propcloud.pms.common.audit.AuditEvent;
import com.propcloud.pms.common.audit.AuditLog;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues and rotates refresh tokens: 32 random bytes, base64url, handed out once and stored only as
 * their SHA-256 hash, so a copy of the table cannot be replayed. Each is good for one exchange.
 */
@Service
class RefreshTokens {

    private static final Logger log = LoggerFactory.getLogger(RefreshTokens.class);
    private static final int TOKEN_BYTES = 32;

    private final RefreshTokenRepository tokens;
    private final AuthProperties properties;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    RefreshTokens(RefreshTokenRepository tokens, AuthProperties properties, AuditLog audit, Clock clock) {
        this.tokens = tokens;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    /** Whose token it is: the tenant and account to check before rotating it. */
    record Holder(UUID userId, UUID tenantId, UUID familyId, Instant issuedAt) {}

    /** Starts a new family (a login) and returns its first token's only plain-text copy. */
    @Transactional
    String issueFirst(UUID userId, UUID tenantId) {
        return issue(userId, tenantId, UUID.randomUUID());
    }

    @Transactional(readOnly = true)
    Optional<Holder> holder(String value) {
        return tokens.findByTokenHash(hash(value))
                .map(token -> new Holder(token.userId(), token.tenantId(), token.familyId(), token.issuedAt()));
    }

    /**
     * Exchanges the token for its successor in the same family, or answers empty for an unknown,
     * expired, revoked or already used token. A used token coming back means two parties hold it, so
     * its whole family is revoked. The successor is written in the same transaction that marks the
     * token used, so a replay arriving a moment later revokes the successor as well. Answers rather
     * than throws, so that a revocation commits.
     */
    @Transactional
    Optional<String> rotate(String value) {
        Instant now = clock.instant();
        Optional<RefreshToken> found = tokens.lockByTokenHash(hash(value));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        RefreshToken token = found.get();
        if (token.wasUsed()) {
            int revoked = tokens.revokeFamily(token.familyId(), now);
            log.warn("Refresh token replayed: revoked {} tokens of family {}", revoked, token.familyId());
            recordRevocation(token.userId(), token.tenantId(), token.familyId(), "refresh-token-reused", revoked);
            return Optional.empty();
        }
        if (!token.isRedeemable(now)) {
            return Optional.empty();
        }
        token.redeem(now);
        return Optional.of(issue(token.userId(), token.tenantId(), token.familyId()));
    }

    /** Revokes every token of the holder's login; {@code reason} goes to the audit trail. */
    @Transactional
    void revokeFamily(Holder holder, String reason) {
        int revoked = tokens.revokeFamily(holder.familyId(), clock.instant());
        recordRevocation(holder.userId(), holder.tenantId(), holder.familyId(), reason, revoked);
    }

    private void recordRevocation(UUID userId, UUID tenantId, UUID familyId, String reason, int revoked) {
        audit.record(AuditEvent.builder("auth.token-family.revoked")
                .tenant(tenantId)
                .target("token-family", familyId)
                .detail("user", userId)
                .detail("reason", reason)
                .detail("revoked", revoked)
                .build());
    }

    private String issue(UUID userId, UUID tenantId, UUID familyId) {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        tokens.save(RefreshToken.issue(
                hash(value), familyId, userId, tenantId, clock.instant(), properties.refreshTokenTtl()));
        return value;
    }

    static String hash(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
