package com.propcloud.pms.asset.occupancy;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * asset-service's copy of user-service's {@code OwnerChangedV1} (payload of {@code user.owner.created}
 * and {@code user.owner.updated}, v1): only the fields kept here. Unknown fields are ignored, so
 * user-service may add fields without breaking this consumer.
 */
record OwnerChanged(
        UUID ownerId,
        String displayName,
        @Nullable String category,
        @Nullable String phoneMasked,
        String status,
        Instant updatedAt) {

    static final String CREATED = "user.owner.created";
    static final String UPDATED = "user.owner.updated";
}
