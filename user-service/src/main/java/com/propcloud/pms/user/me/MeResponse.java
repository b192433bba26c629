package com.propcloud.pms.user.me;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The caller's own account, for the console's header and menus. {@code mustChangePassword} tells the
 * console (or the owners' app) to ask for a new password before anything else. Staff have a
 * username, owners a phone (masked).
 */
record MeResponse(
        UUID userId,
        UUID tenantId,
        String tenantCode,
        String kind,
        @Nullable String username,
        @Nullable String phone,
        String displayName,
        List<String> roles,
        List<UUID> projects,
        boolean mustChangePassword) {}
