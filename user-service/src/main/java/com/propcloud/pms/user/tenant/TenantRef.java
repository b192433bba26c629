package com.propcloud.pms.user.tenant;

import java.time.ZoneId;
import java.util.UUID;

/**
 * What other features need to know about a tenant.
 *
 * @param active whether its people may log in (a suspended tenant may not)
 * @param timeZone where its business dates (billing periods, daily reports) fall
 */
public record TenantRef(UUID id, String code, String name, boolean active, ZoneId timeZone) {}
