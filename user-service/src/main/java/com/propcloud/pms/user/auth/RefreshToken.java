package com.propcloud.pms.user.auth;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One refresh token, known here only by its hash. It can be exchanged once; all tokens descending
 * from one login form a family, which is revoked together when a used token comes back (someone
 * else holds a copy).
 */
@Entity
@Table(name = "refresh_token")
class RefreshToken {

    @Id
    private UUID id;

    private String tokenHash;
    private UUID familyId;
    private UUID userId;
    private UUID tenantId;
    private Instant issuedAt;
    private Instant expiresAt;
    private @Nullable Instant usedAt;
    private @Nullable Instant revokedAt;

    protected RefreshToken() {} // for JPA

    static RefreshToken issue(
            String tokenHash, UUID familyId, UUID userId, UUID tenantId, Instant now, Duration lifetime) {
        RefreshToken token = new RefreshToken();
        token.id = UUID.randomUUID();
        token.tokenHash = tokenHash;
        token.familyId = familyId;
        token.userId = userId;
        token.tenantId = tenantId;
        token.issuedAt = now;
        token.expiresAt = now.plus(lifetime);
        return token;
    }

    boolean wasUsed() {
        return usedAt != null;
    }

    boolean isRedeemable(Instant now) {
        return usedAt == null && revokedAt == null && now.isBefore(expiresAt);
    }

    void redeem(Instant now) {
        if (!isRedeemable(now)) {
            throw new IllegalStateException("Refresh token " + id + " cannot be redeemed");
        }
        usedAt = now;
    }

    Instant issuedAt() {
        return issuedAt;
    }

    UUID familyId() {
        return familyId;
    }

    UUID userId() {
        return userId;
    }

    UUID tenantId() {
        return tenantId;
    }
}
