package com.propcloud.pms.user.pii;

/**
 * A personal number as it is stored: ciphertext (AES-256-GCM, with its key id), a keyed hash for
 * exact search, and the masked form lists show. The plain value is not part of it.
 */
public record ProtectedValue(String ciphertext, String searchHash, String masked) {}
