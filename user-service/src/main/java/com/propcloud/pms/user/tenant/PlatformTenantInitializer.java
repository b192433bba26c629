package com.propcloud.pms.user.tenant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Makes sure the {@code platform} tenant exists, in every environment: platform operators log in
 * with its code and service tokens carry its id. Registering it publishes {@code user.tenant.created}
 * like any other tenant. Two instances starting together may both try; the loser of the unique code
 * finds the winner's row. It also re-encrypts contact phones an older encryption key wrote.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class PlatformTenantInitializer implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PlatformTenantInitializer.class);

    private final TenantDirectory tenants;

    PlatformTenantInitializer(TenantDirectory tenants) {
        this.tenants = tenants;
    }

    @Override
    public void run(ApplicationArguments args) {
        TenantRef platform;
        try {
            platform = tenants.registerIfAbsent(TenantDirectory.PLATFORM_CODE, TenantDirectory.PLATFORM_NAME);
        } catch (DataIntegrityViolationException raced) {
            platform = tenants.findByCode(TenantDirectory.PLATFORM_CODE).orElseThrow(() -> raced);
        }
        log.info("Platform tenant {} ({})", platform.code(), platform.id());
        int rotated = tenants.rotateContactPhones();
        if (rotated > 0) {
            log.info("Re-encrypted {} tenant contact phone(s) under the current encryption key", rotated);
        }
    }
}
