package com.propcloud.pms.common.tenant.directory;

import java.util.List;

/** Where the whole tenant list comes from: user-service's internal API. */
interface TenantSource {

    /**
     * Every tenant as the source knows it now.
     *
     * @throws Exception the source is unreachable, refused us, or answered something unreadable
     */
    List<TenantRecord> fetchAll() throws Exception;

    /** For log messages: where the tenants come from. */
    String describe();
}
