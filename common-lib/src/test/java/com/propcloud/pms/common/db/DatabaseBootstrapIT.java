package com.propcloud.pms.common.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.propcloud.pms.test.TestInfrastructure;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bootstrap gives a store the two roles that make row-level security bite: an owner that
 * migrates, and an application role that owns nothing, cannot bypass RLS and cannot change the schema.
 */
class DatabaseBootstrapIT {

    private static final TestInfrastructure INFRA = TestInfrastructure.get();
    private static final String PREFIX = INFRA.runId() + "_boot";
    private static final StoreSpec OWN =
            new StoreSpec(PREFIX + "own", "public", PREFIX + "own_owner", "owner-pw", PREFIX + "own_app", "app-pw");
    private static final StoreSpec SHARED = new StoreSpec(
                    PREFIX + "shared", "feed", PREFIX + "feed_owner", "owner-pw", PREFIX + "feed_app", "app-pw")
            .withReaders(PREFIX + "reader");

    @BeforeAll
    static void bootstrapConcurrentlyTwice() {
        DatabaseBootstrap bootstrap = new DatabaseBootstrap(
                INFRA.postgresAdminUrl(),
                INFRA.postgres().username(),
                INFRA.postgres().password());
        // several services start at once on a fresh machine: the advisory lock must make this safe
        CompletableFuture.allOf(IntStream.range(0, 4)
                        .mapToObj(i -> CompletableFuture.runAsync(() -> bootstrap.ensure(i % 2 == 0 ? OWN : SHARED)))
                        .toArray(CompletableFuture[]::new))
                .join();
        bootstrap.ensure(OWN);
        bootstrap.ensure(SHARED);
    }

    @Test
    void rolesAreUnprivileged() throws SQLException {
        try (Connection admin = admin();
                var rs = admin.createStatement()
                        .executeQuery("select bool_or(rolsuper or rolbypassrls or rolcreatedb or rolcreaterole)"
                                + " from pg_roles where rolname like '" + PREFIX + "%'")) {
            rs.next();
            assertThat(rs.getBoolean(1)).isFalse();
        }
    }

    @Test
    void ownerMigratesAndApplicationRoleOnlyUsesTables() throws SQLException {
        try (Connection owner = connect(OWN.database(), OWN.ownerRole(), "owner-pw")) {
            owner.createStatement().execute("create table probe (id int primary key, tenant_id uuid)");
        }
        try (Connection app = connect(OWN.database(), OWN.appRole(), "app-pw")) {
            app.createStatement().execute("insert into probe values (1, gen_random_uuid())");
            assertThat(count(app, "select count(*) from probe")).isEqualTo(1);
            assertThatThrownBy(() -> app.createStatement().execute("create table sneaky (id int)"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> app.createStatement().execute("drop table probe"))
                    .hasMessageContaining("must be owner");
        }
    }

    @Test
    void sharedDatabaseKeepsEachStoreInItsSchemaAndReadersReadOnly() throws SQLException {
        try (Connection owner = connect(SHARED.database(), SHARED.ownerRole(), "owner-pw")) {
            owner.createStatement().execute("create table feed_item (id int primary key)");
        }
        try (Connection app = connect(SHARED.database(), SHARED.appRole(), "app-pw")) {
            // the app role's search path is its schema, so unqualified names resolve there
            app.createStatement().execute("insert into feed_item values (1)");
        }
        setReaderPassword();
        try (Connection reader = connect(SHARED.database(), PREFIX + "reader", "reader-pw")) {
            assertThat(count(reader, "select count(*) from feed.feed_item")).isEqualTo(1);
            assertThatThrownBy(() -> reader.createStatement().execute("insert into feed.feed_item values (2)"))
                    .hasMessageContaining("permission denied");
        }
    }

    private static void setReaderPassword() throws SQLException {
        try (Connection admin = admin()) {
            admin.createStatement().execute("alter role " + PREFIX + "reader password 'reader-pw'");
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (var rs = connection.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Connection admin() throws SQLException {
        return DriverManager.getConnection(
                INFRA.postgresAdminUrl(),
                INFRA.postgres().username(),
                INFRA.postgres().password());
    }

    private static Connection connect(String database, String user, String password) throws SQLException {
        String url = "jdbc:postgresql://" + INFRA.postgres().host() + ":"
                + INFRA.postgres().port() + "/" + database;
        return DriverManager.getConnection(url, user, password);
    }
}
