package com.propcloud.pms.asset.registry;

import com.propcloud.pms.common.tenant.directory.TenantDirectory;
import com.propcloud.pms.common.tenant.directory.TenantEntry;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The demo tenants of the demo-seed tests, standing in for user-service's tenant directory. One pair
 * for the whole JVM: the seeds' ids derive from tenant codes and are keys across tenants, so within
 * one test database {@code demo} and {@code acme} must always name the same two tenants.
 */
@TestConfiguration
public class DemoTenants {

    public static final UUID DEMO = UUID.randomUUID();
    public static final UUID ACME = UUID.randomUUID();

    @Bean
    @Primary
    TenantDirectory demoTenants() {
        Map<String, TenantEntry> byCode = Map.of(
                "demo", new TenantEntry(DEMO, "demo", "Demo", TenantEntry.ACTIVE, ZoneId.of("Asia/Shanghai")),
                "acme", new TenantEntry(ACME, "acme", "Acme", TenantEntry.ACTIVE, ZoneId.of("Asia/Shanghai")));
        return new TenantDirectory() {
            @Override
            public Optional<TenantEntry> findByCode(String code) {
                return Optional.ofNullable(byCode.get(code));
            }

            @Override
            public Optional<TenantEntry> findById(UUID id) {
                return byCode.values().stream().filter(t -> t.id().equals(id)).findFirst();
            }

            @Override
            public List<TenantEntry> all() {
                return byCode.values().stream()
                        .sorted(Comparator.comparing(TenantEntry::code))
                        .toList();
            }
        };
    }
}
