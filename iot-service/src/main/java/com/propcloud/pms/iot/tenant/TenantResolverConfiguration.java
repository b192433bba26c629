package com.propcloud.pms.iot.tenant;

import com.propcloud.pms.common.tenant.directory.TenantDirectory;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The tenant resolver ingest uses: the codes configured in {@code pms.iot.tenants.codes} first (a
 * fixed list for tests and trials; empty by default), then common-lib's tenant directory where it is
 * on ({@code pms.tenant-directory.enabled}). Another {@link TenantResolver} bean replaces both.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TenantResolverProperties.class)
class TenantResolverConfiguration {

    @Bean
    @ConditionalOnMissingBean(TenantResolver.class)
    TenantResolver tenantResolver(TenantResolverProperties properties, ObjectProvider<TenantDirectory> directory) {
        TenantResolver configured = new ConfiguredTenantResolver(properties.codes());
        TenantDirectory tenants = directory.getIfAvailable();
        if (tenants == null) {
            return configured;
        }
        TenantResolver fromDirectory = new DirectoryTenantResolver(tenants);
        return code -> {
            Optional<java.util.UUID> fixed = configured.tenantIdOf(code);
            return fixed.isPresent() ? fixed : fromDirectory.tenantIdOf(code);
        };
    }
}
