package com.propcloud.pms.user.owner;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An owner or resident as other features see it: personal numbers only masked, never the hash.
 *
 * @param hasPassword false until the first SMS-code login or a reset sets one
 */
public record OwnerMember(
        UUID id,
        UUID tenantId,
        String displayName,
        OwnerCategory category,
        String phoneMasked,
        @Nullable String idNumberMasked,
        OwnerStatus status,
        boolean hasPassword,
        boolean mustChangePassword,
        Instant createdAt,
        Instant updatedAt) {}
