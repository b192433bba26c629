package com.propcloud.pms.user.owner;

import java.time.Instant;
import java.util.UUID;

/**
 * Payload of {@code user.owner.created} and {@code user.owner.updated}, schema version 1: the person
 * as other services may keep them (the registry's occupants, billing's payers). Whole state, not a
 * diff; the phone only masked and never the ID number, which stay in user-service. Golden files:
 * {@code src/test/resources/events/user.owner.*.v1.json}.
 *
 * @param status {@code ACTIVE}, {@code DISABLED} or {@code DELETED}
 * @param updatedAt a consumer ignores an update older than its copy
 */
record OwnerChangedV1(
        UUID ownerId, String displayName, String category, String phoneMasked, String status, Instant updatedAt) {

    static final String CREATED = "user.owner.created";
    static final String UPDATED = "user.owner.updated";
    static final int VERSION = 1;

    static OwnerChangedV1 of(OwnerMember owner) {
        return new OwnerChangedV1(
                owner.id(),
                owner.displayName(),
                owner.category().name(),
                owner.phoneMasked(),
                owner.status().name(),
                owner.updatedAt());
    }
}
