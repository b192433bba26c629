package com.propcloud.pms.user.key;

/**
 * Where a key is in its life: {@code ACTIVE} signs new tokens, {@code PREVIOUS} only verifies the
 * tokens it signed until they expire, {@code RETIRED} is neither published nor trusted.
 */
enum SigningKeyStatus {
    ACTIVE,
    PREVIOUS,
    RETIRED
}
