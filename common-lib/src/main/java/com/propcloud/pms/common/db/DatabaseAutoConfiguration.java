package com.propcloud.pms.common.db;

import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.Location;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The service's database: created when missing (where an admin connection is configured), migrated
 * by Flyway as the owner role with the shared {@code db/common} migrations (outbox, inbox) first, and
 * queried through a pool that logs in as the application role.
 */
@AutoConfiguration(before = {DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class})
@EnableConfigurationProperties(DatabaseProperties.class)
public class DatabaseAutoConfiguration {

    static final String COMMON_MIGRATIONS = "classpath:db/common";

    /** Marks that the service's store exists; the pool and Flyway wait for it. */
    public record DatabaseReady(StoreSpec store) {}

    @Bean
    DatabaseReady pmsDatabaseReady(DatabaseProperties properties) {
        StoreSpec store = properties.ownStore();
        if (properties.admin().enabled()) {
            new DatabaseBootstrap(
                            properties.adminUrl(),
                            properties.admin().username(),
                            properties.admin().password())
                    .ensure(store);
        }
        return new DatabaseReady(store);
    }

    /** Primary, so a service may add pools for other stores (iot-service's telemetry) beside it. */
    @Bean
    @Primary
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(DatabaseReady ready, DatabaseProperties properties) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(properties.jdbcUrl(ready.store().database()));
        pool.setUsername(ready.store().appRole());
        pool.setPassword(ready.store().appPassword());
        pool.setPoolName(properties.name() + "-app");
        pool.setMaximumPoolSize(properties.maxPoolSize());
        return pool;
    }

    @Bean
    FlywayConfigurationCustomizer pmsFlywayAsOwner(DatabaseReady ready, DatabaseProperties properties) {
        return configuration -> {
            StoreSpec store = ready.store();
            configuration.dataSource(properties.jdbcUrl(store.database()), store.ownerRole(), store.ownerPassword());
            List<Location> locations = new ArrayList<>();
            locations.add(new Location(COMMON_MIGRATIONS));
            for (Location location : configuration.getLocations()) {
                if (!location.getDescriptor().equals(COMMON_MIGRATIONS)) {
                    locations.add(location);
                }
            }
            configuration.locations(locations.toArray(Location[]::new));
            // in a shared database each service keeps its tables and its migration history in its own schema
            configuration.schemas(store.schema()).defaultSchema(store.schema());
        };
    }
}
