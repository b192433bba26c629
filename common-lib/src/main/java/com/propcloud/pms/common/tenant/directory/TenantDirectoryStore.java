package com.propcloud.pms.common.tenant.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code tenant_directory} table. Joins whatever transaction the caller has (an event consumer's),
 * so a copy from an event commits with its inbox row.
 */
final class TenantDirectoryStore {

    private static final String COLUMNS = "id, code, name, status, time_zone, max_projects, max_units";

    /** Another id holding the code with an older copy: user-service has moved the code on, so it goes. */
    private static final String DISPLACE = """
            delete from tenant_directory where code = ? and id <> ? and updated_at <= ?""";

    private static final String UPSERT = """
            insert into tenant_directory (id, code, name, status, time_zone, max_projects, max_units, updated_at)
            select ?, ?, ?, ?, ?, ?, ?, ?
            where not exists (select 1 from tenant_directory where code = ? and id <> ?)
            on conflict (id) do update
                set code = excluded.code, name = excluded.name, status = excluded.status,
                    time_zone = excluded.time_zone, max_projects = excluded.max_projects,
                    max_units = excluded.max_units, updated_at = excluded.updated_at
                where tenant_directory.updated_at <= excluded.updated_at""";

    private final JdbcTemplate jdbc;

    TenantDirectoryStore(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /**
     * Stores the copy unless the table holds a newer one of the same tenant (an equal timestamp is
     * written again, so a replay is harmless).
     *
     * @return whether the copy was stored
     */
    boolean upsert(TenantRecord tenant) {
        Timestamp updatedAt = Timestamp.from(tenant.updatedAt());
        jdbc.update(DISPLACE, tenant.code(), tenant.id(), updatedAt);
        return jdbc.update(
                        UPSERT,
                        tenant.id(),
                        tenant.code(),
                        tenant.name(),
                        tenant.status(),
                        tenant.timeZone().getId(),
                        tenant.maxProjects(),
                        tenant.maxUnits(),
                        updatedAt,
                        tenant.code(),
                        tenant.id())
                > 0;
    }

    Optional<TenantEntry> findByCode(String code) {
        return first(jdbc.query(
                "select " + COLUMNS + " from tenant_directory where code = ?", TenantDirectoryStore::entry, code));
    }

    Optional<TenantEntry> findById(UUID id) {
        return first(jdbc.query(
                "select " + COLUMNS + " from tenant_directory where id = ?", TenantDirectoryStore::entry, id));
    }

    List<TenantEntry> findAll() {
        return jdbc.query("select " + COLUMNS + " from tenant_directory order by code", TenantDirectoryStore::entry);
    }

    private static Optional<TenantEntry> first(List<TenantEntry> found) {
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private static TenantEntry entry(ResultSet rs, int row) throws SQLException {
        return new TenantEntry(
                rs.getObject("id", UUID.class),
                rs.getString("code"),
                rs.getString("name"),
                rs.getString("status"),
                ZoneId.of(rs.getString("time_zone")),
                rs.getObject("max_projects", Integer.class),
                rs.getObject("max_units", Integer.class));
    }
}
