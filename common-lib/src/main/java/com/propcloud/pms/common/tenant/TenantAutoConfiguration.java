package com.propcloud.pms.common.tenant;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;

/** Replaces Boot's JPA transaction manager with one that carries the tenant into every transaction. */
@AutoConfiguration(before = HibernateJpaAutoConfiguration.class)
public class TenantAutoConfiguration {

    @Bean
    PlatformTransactionManager transactionManager() {
        return new TenantAwareJpaTransactionManager();
    }
}
