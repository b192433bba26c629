package com.propcloud.pms.user.tenant;

/** Whether a tenant's people may log in; a suspended tenant keeps its data. */
enum TenantStatus {
    ACTIVE,
    SUSPENDED
}
