package com.propcloud.pms.user.me;

import java.util.List;
import java.util.UUID;

/**
 * The caller's own account, for the console's header and menus. {@code mustChangePassword} tells the
 * console to ask for a new password before anything else.
 */
record MeResponse(
        UUID userId,
        UUID tenantId,
        String tenantCode,
        String kind,
        String username,
        String displayName,
        List<String> roles,
        List<UUID> projects,
        boolean mustChangePassword) {}
