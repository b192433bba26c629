package com.propcloud.pms.iot.tenant;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Stand-in until iot-service keeps a read model of user-service's tenants: the codes listed in
 * {@code pms.iot.tenants.codes.<code>=<tenant id>}. Every other code is unknown.
 */
final class ConfiguredTenantResolver implements TenantResolver {

    private final Map<String, UUID> codes;

    ConfiguredTenantResolver(Map<String, UUID> codes) {
        this.codes = Map.copyOf(codes);
    }

    @Override
    public Optional<UUID> tenantIdOf(String code) {
        return Optional.ofNullable(codes.get(code.toLowerCase(Locale.ROOT)));
    }
}
