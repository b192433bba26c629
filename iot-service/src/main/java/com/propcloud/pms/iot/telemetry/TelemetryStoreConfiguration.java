package com.propcloud.pms.iot.telemetry;

import com.propcloud.pms.common.db.DatabaseBootstrap;
import com.propcloud.pms.common.db.DatabaseProperties;
import com.propcloud.pms.common.db.StoreSpec;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The reporting store's {@code telemetry} schema, which iot-service alone writes and migrates (with
 * its own Flyway history there). reporting-service's application role gets read-only access to it;
 * its own {@code reporting} schema in the same database is reporting-service's business.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TelemetryProperties.class)
class TelemetryStoreConfiguration {

    static final String SCHEMA = "telemetry";

    @Bean
    StoreSpec telemetryStore(DatabaseProperties database) {
        String prefix = database.prefix();
        return new StoreSpec(
                        prefix + "reporting",
                        SCHEMA,
                        prefix + "telemetry_owner",
                        database.ownerPassword(),
                        prefix + "telemetry_app",
                        database.appPassword())
                .withReaders(prefix + "reporting_app");
    }

    /**
     * The telemetry schema's migrations, applied at start. Deliberately not a {@link Flyway} bean: one
     * would make Boot's Flyway auto-configuration back off, and iot-service's own database ({@code
     * db/common}'s outbox, inbox and tenant directory, then {@code db/migration}) would never migrate.
     */
    record TelemetryMigrations(Flyway flyway) {}

    @Bean
    TelemetryMigrations telemetryMigrations(StoreSpec telemetryStore, DatabaseProperties database) {
        if (database.admin().enabled()) {
            new DatabaseBootstrap(
                            database.adminUrl(),
                            database.admin().username(),
                            database.admin().password())
                    .ensure(telemetryStore);
        }
        Flyway flyway = Flyway.configure()
                .dataSource(
                        database.jdbcUrl(telemetryStore.database()),
                        telemetryStore.ownerRole(),
                        telemetryStore.ownerPassword())
                .schemas(SCHEMA)
                .defaultSchema(SCHEMA)
                .locations("classpath:db/telemetry")
                // role names differ per environment (prefix): migrations grant to them by placeholder
                .placeholders(Map.of("appRole", telemetryStore.appRole()))
                .load();
        flyway.migrate();
        return new TelemetryMigrations(flyway);
    }

    /** Writes readings as the telemetry application role, which owns nothing. */
    @Bean(destroyMethod = "close")
    HikariDataSource telemetryDataSource(
            TelemetryMigrations telemetryMigrations, StoreSpec telemetryStore, DatabaseProperties database) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(database.jdbcUrl(telemetryStore.database()));
        pool.setUsername(telemetryStore.appRole());
        pool.setPassword(telemetryStore.appPassword());
        pool.setPoolName("telemetry-app");
        pool.setMaximumPoolSize(4);
        return pool;
    }

    @Bean
    JdbcTemplate telemetryJdbc(@Qualifier("telemetryDataSource") HikariDataSource telemetryDataSource) {
        return new JdbcTemplate(telemetryDataSource);
    }
}
