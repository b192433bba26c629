package com.propcloud.pms.asset.occupancy;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A person as asset-service keeps them: user-service's id, display name and masked phone, nothing
 * more. Written only by {@link PersonProjection} from {@code user.owner.*} events; read here to link
 * occupants and to show who holds a unit.
 */
@Entity
@Table(name = "person")
class Person {

    @Id
    private UUID id;

    private UUID tenantId;
    private String displayName;
    private @Nullable String phoneMasked;
    private String category;
    private String status;
    private Instant sourceUpdatedAt;
    private Instant receivedAt;

    protected Person() {} // for JPA

    UUID id() {
        return id;
    }

    String displayName() {
        return displayName;
    }

    @Nullable
    String phoneMasked() {
        return phoneMasked;
    }

    /** User-service deletes by status; a deleted person keeps their history but takes no new link. */
    boolean linkable() {
        return "ACTIVE".equals(status);
    }

    /** The name as shown beside a unit: the first character, the rest masked (张伟 → 张*). */
    String maskedName() {
        return maskName(displayName);
    }

    static String maskName(String name) {
        String stripped = name.strip();
        if (stripped.isEmpty()) {
            return "*";
        }
        int first = stripped.offsetByCodePoints(0, 1);
        int rest = stripped.codePointCount(first, stripped.length());
        return stripped.substring(0, first) + "*".repeat(Math.max(1, rest));
    }
}
