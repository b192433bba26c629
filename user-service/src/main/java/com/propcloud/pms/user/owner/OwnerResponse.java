package com.propcloud.pms.user.owner;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An owner as staff see them in lists and details: personal numbers masked. */
record OwnerResponse(
        UUID id,
        String displayName,
        OwnerCategory category,
        String phone,
        @Nullable String idNumber,
        OwnerStatus status,
        boolean hasPassword,
        Instant createdAt,
        Instant updatedAt) {

    static OwnerResponse of(OwnerMember owner) {
        return new OwnerResponse(
                owner.id(),
                owner.displayName(),
                owner.category(),
                owner.phoneMasked(),
                owner.idNumberMasked(),
                owner.status(),
                owner.hasPassword(),
                owner.createdAt(),
                owner.updatedAt());
    }
}
