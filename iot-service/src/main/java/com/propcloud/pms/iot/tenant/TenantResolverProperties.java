package com.propcloud.pms.iot.tenant;

import java.util.Map;
import java.util.UUID;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tenant codes known to the configured stand-in resolver.
 *
 * @param codes tenant code (lower case) to tenant id, e.g. {@code pms.iot.tenants.codes.demo=8f1e…}
 */
@ConfigurationProperties("pms.iot.tenants")
public record TenantResolverProperties(@DefaultValue Map<String, UUID> codes) {}
