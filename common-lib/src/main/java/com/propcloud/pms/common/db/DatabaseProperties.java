package com.propcloud.pms.common.db;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The service's own PostgreSQL database. Names derive from {@code prefix + name} so that a test run
 * (prefix {@code test_…_}) and the platform ({@code pms_}) never share a database or a role.
 *
 * @param name the service's logical store, e.g. {@code user} for database {@code pms_user}
 * @param schema {@code public} for a database of its own; a named schema where the database is shared
 *     (reporting-service's {@code reporting} schema in {@code pms_reporting})
 * @param ownerPassword password of the owner role, which Flyway migrates with
 * @param appPassword password of the application role, which owns nothing and which queries run as
 * @param admin a privileged connection that creates the database and roles when missing (local runs
 *     and tests); off in production, where they are provisioned ahead
 */
@Validated
@ConfigurationProperties("pms.database")
public record DatabaseProperties(
        @DefaultValue("localhost") String host,
        @DefaultValue("5432") int port,

        @DefaultValue("pms_") @Pattern(regexp = "[a-z][a-z0-9_]*")
        String prefix,

        @NotBlank @Pattern(regexp = "[a-z][a-z0-9_]*") String name,

        @DefaultValue("public") @Pattern(regexp = "[a-z][a-z0-9_]*")
        String schema,

        @DefaultValue("pms-owner-local") String ownerPassword,
        @DefaultValue("pms-app-local") String appPassword,
        @DefaultValue("10") int maxPoolSize,
        @Valid @DefaultValue Admin admin) {

    public record Admin(
            @DefaultValue("true") boolean enabled,
            String url,
            @DefaultValue("postgres") String username,
            @DefaultValue("") String password) {}

    public String databaseName() {
        return prefix + name;
    }

    public String ownerRole() {
        return prefix + name + "_owner";
    }

    public String appRole() {
        return prefix + name + "_app";
    }

    /** JDBC URL of one of this server's databases, with batched inserts rewritten into multi-row ones. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database + "?reWriteBatchedInserts=true";
    }

    public String adminUrl() {
        return admin.url() == null || admin.url().isBlank() ? jdbcUrl("postgres") : admin.url();
    }

    /** The service's own store: its database and schema, its two roles. */
    public StoreSpec ownStore() {
        return new StoreSpec(databaseName(), schema, ownerRole(), ownerPassword, appRole(), appPassword);
    }
}
