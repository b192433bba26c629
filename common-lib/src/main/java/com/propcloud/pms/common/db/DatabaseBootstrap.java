package com.propcloud.pms.common.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates a store's database, schema and two roles when they are missing, so one command can start
 * the platform on a bare PostgreSQL. The owner role owns the schema and migrates it; the application
 * role owns nothing and has no {@code BYPASSRLS}, which is what makes row-level security apply to the
 * service's own queries. Safe to run from several services at once: it holds an advisory lock.
 */
public class DatabaseBootstrap {

    private static final Logger log = LoggerFactory.getLogger(DatabaseBootstrap.class);
    private static final long LOCK_KEY = 0x504d535f424f4fL; // "PMS_BOO"

    private final String adminUrl;
    private final String adminUser;
    private final String adminPassword;

    public DatabaseBootstrap(String adminUrl, String adminUser, String adminPassword) {
        this.adminUrl = adminUrl;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
    }

    public void ensure(StoreSpec store) {
        try (Connection admin = DriverManager.getConnection(adminUrl, adminUser, adminPassword)) {
            admin.setAutoCommit(true);
            try (Statement st = admin.createStatement()) {
                st.execute("select pg_advisory_lock(" + LOCK_KEY + ")");
                try {
                    ensureRole(admin, store.ownerRole(), store.ownerPassword());
                    ensureRole(admin, store.appRole(), store.appPassword());
                    for (String reader : store.readerRoles()) {
                        ensureRole(admin, reader, null);
                    }
                    boolean shared = !"public".equals(store.schema());
                    if (!exists(admin, "select 1 from pg_database where datname = ?", store.database())) {
                        // a database shared by several services' schemas belongs to none of them
                        String owner = shared ? adminUser : store.ownerRole();
                        st.execute("create database " + store.database() + " owner " + quote(owner));
                        log.info("Created database {}", store.database());
                    }
                } finally {
                    st.execute("select pg_advisory_unlock(" + LOCK_KEY + ")");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Could not prepare database " + store.database() + " as " + adminUser + " at " + adminUrl + ": "
                            + e.getMessage(),
                    e);
        }
        prepareSchema(store);
    }

    private void prepareSchema(StoreSpec store) {
        String url = adminUrl.replaceFirst("/[^/?]*(\\?|$)", "/" + store.database() + "$1");
        try (Connection db = DriverManager.getConnection(url, adminUser, adminPassword);
                Statement st = db.createStatement()) {
            String schema = store.schema();
            String owner = store.ownerRole();
            String app = store.appRole();
            st.execute("select pg_advisory_lock(" + LOCK_KEY + ")");
            try {
                st.execute("create schema if not exists " + schema + " authorization " + owner);
                st.execute("grant connect on database " + store.database() + " to " + owner + ", " + app);
                st.execute("grant usage on schema " + schema + " to " + app);
                // tables and sequences Flyway creates later as the owner are usable by the app role
                st.execute("alter default privileges for role " + owner + " in schema " + schema
                        + " grant select, insert, update, delete on tables to " + app);
                st.execute("alter default privileges for role " + owner + " in schema " + schema
                        + " grant usage, select on sequences to " + app);
                st.execute("grant select, insert, update, delete on all tables in schema " + schema + " to " + app);
                st.execute("grant usage, select on all sequences in schema " + schema + " to " + app);
                st.execute("alter role " + app + " in database " + store.database() + " set search_path = " + schema);
                st.execute("alter role " + owner + " in database " + store.database() + " set search_path = " + schema);
                for (String reader : store.readerRoles()) {
                    st.execute("grant connect on database " + store.database() + " to " + reader);
                    st.execute("grant usage on schema " + schema + " to " + reader);
                    st.execute("alter default privileges for role " + owner + " in schema " + schema
                            + " grant select on tables to " + reader);
                    st.execute("grant select on all tables in schema " + schema + " to " + reader);
                }
            } finally {
                st.execute("select pg_advisory_unlock(" + LOCK_KEY + ")");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Could not prepare schema " + store.schema() + " of " + store.database() + ": " + e.getMessage(),
                    e);
        }
    }

    private static void ensureRole(Connection admin, String role, String password) throws SQLException {
        try (Statement st = admin.createStatement()) {
            if (!exists(admin, "select 1 from pg_roles where rolname = ?", role)) {
                st.execute("create role " + role + " login nosuperuser nocreatedb nocreaterole nobypassrls");
                log.info("Created role {}", role);
            }
            // passwords are literals in DDL: escape quotes; the value comes from our own configuration
            if (password != null) {
                st.execute("alter role " + role + " with login password " + literal(password));
            }
        }
    }

    private static boolean exists(Connection c, String sql, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
