package com.propcloud.pms.asset.patrol;

import jakarta.persistence.Embeddable;
import java.util.UUID;

/**
 * A stop on a patrol route: the code its QR label or NFC tag holds (unique in the tenant, so a scan
 * names one checkpoint) and where it is. Kept with its tenant for row-level security.
 */
@Embeddable
class Checkpoint {

    private UUID tenantId;
    private String code;
    private String location;

    protected Checkpoint() {} // for JPA

    Checkpoint(UUID tenantId, String code, String location) {
        this.tenantId = tenantId;
        this.code = code;
        this.location = location;
    }

    UUID tenantId() {
        return tenantId;
    }

    String code() {
        return code;
    }

    String location() {
        return location;
    }
}
