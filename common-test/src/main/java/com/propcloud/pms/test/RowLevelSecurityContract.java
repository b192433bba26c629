package com.propcloud.pms.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Every table of a service that carries {@code tenant_id} is tenant-owned unless the service names it
 * technical, and must be under forced row-level security with a policy on {@code app.tenant_id}; the
 * service's own connection (the application role) must see none of its rows without a tenant, and
 * none of another tenant's with one. A table added without a policy fails here.
 */
public abstract class RowLevelSecurityContract {

    /** Technical tables every service has: no API reads them, and the relay must see all rows. */
    private static final Set<String> COMMON_TECHNICAL = Set.of("outbox_event", "inbox_event", "tenant_directory");

    /** The service's application connection pool. */
    protected abstract DataSource applicationDataSource();

    /** Service tables with {@code tenant_id} that are deliberately not tenant-filtered. */
    protected Set<String> technicalTables() {
        return Set.of();
    }

    @Test
    void everyTenantOwnedTableIsUnderForcedRowLevelSecurity() throws SQLException {
        try (Connection connection = applicationDataSource().getConnection()) {
            List<String> tables = tenantOwnedTables(connection);
            for (String table : tables) {
                try (PreparedStatement st = connection.prepareStatement("""
                        select c.relrowsecurity, c.relforcerowsecurity,
                               exists (select 1 from pg_policies p where p.schemaname = n.nspname
                                       and p.tablename = c.relname and p.qual like '%app.tenant_id%')
                        from pg_class c join pg_namespace n on n.oid = c.relnamespace
                        where n.nspname = current_schema() and c.relname = ?
                        """)) {
                    st.setString(1, table);
                    try (ResultSet rs = st.executeQuery()) {
                        assertThat(rs.next()).as(table).isTrue();
                        assertThat(rs.getBoolean(1))
                                .as(table + " has row-level security")
                                .isTrue();
                        assertThat(rs.getBoolean(2))
                                .as(table + " forces it on its owner")
                                .isTrue();
                        assertThat(rs.getBoolean(3))
                                .as(table + " has a policy on app.tenant_id")
                                .isTrue();
                    }
                }
            }
        }
    }

    @Test
    void applicationRoleSeesNoTenantOwnedRowWithoutOrWithAnotherTenant() throws SQLException {
        try (Connection connection = applicationDataSource().getConnection()) {
            connection.setAutoCommit(false);
            try {
                for (String table : tenantOwnedTables(connection)) {
                    setTenant(connection, "");
                    assertThat(count(connection, table))
                            .as(table + " without a tenant")
                            .isZero();
                    setTenant(connection, UUID.randomUUID().toString());
                    assertThat(count(connection, table))
                            .as(table + " for a tenant with no rows")
                            .isZero();
                }
            } finally {
                connection.rollback();
            }
        }
    }

    @Test
    void applicationRoleCannotBypassRowLevelSecurity() throws SQLException {
        try (Connection connection = applicationDataSource().getConnection();
                ResultSet rs = connection
                        .createStatement()
                        .executeQuery("select rolsuper, rolbypassrls from pg_roles where rolname = current_user")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBoolean(1)).as("superuser").isFalse();
            assertThat(rs.getBoolean(2)).as("bypassrls").isFalse();
        }
    }

    private List<String> tenantOwnedTables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = connection.createStatement().executeQuery("""
                        select c.relname from pg_class c
                        join pg_namespace n on n.oid = c.relnamespace
                        join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
                        where n.nspname = current_schema() and c.relkind in ('r', 'p') and not c.relispartition
                        order by c.relname
                        """)) {
            while (rs.next()) {
                String table = rs.getString(1);
                if (!COMMON_TECHNICAL.contains(table) && !technicalTables().contains(table)) {
                    tables.add(table);
                }
            }
        }
        return tables;
    }

    private static void setTenant(Connection connection, String tenant) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
            st.setString(1, tenant);
            st.execute();
        }
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (ResultSet rs = connection.createStatement().executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
