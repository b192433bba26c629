package com.propcloud.pms.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Drops the databases and roles a test run created (the services create them at start through
 * their bootstrap), and those of runs killed before they could clean up.
 */
final class TestDatabases {

    private static final Duration STALE_AFTER = Duration.ofHours(6);
    private static final Pattern RUN_NAME = Pattern.compile("^(test_[0-9a-z]+_[0-9a-f]{4})_.*");

    private final Endpoint server;
    private final String runId;

    TestDatabases(Endpoint server, String runId) {
        this.server = server;
        this.runId = runId;
    }

    String adminUrl() {
        return "jdbc:postgresql://" + server.host() + ":" + server.port() + "/postgres";
    }

    void dropRun() {
        dropMatching(name -> name.startsWith(runId + "_"));
    }

    void dropStaleRuns() {
        Instant cutoff = Instant.now().minus(STALE_AFTER);
        dropMatching(name -> {
            var matcher = RUN_NAME.matcher(name);
            return matcher.matches()
                    && TestInfrastructure.runStarted(matcher.group(1)).isBefore(cutoff);
        });
    }

    private void dropMatching(java.util.function.Predicate<String> selected) {
        try (Connection admin = DriverManager.getConnection(adminUrl(), server.username(), server.password());
                Statement st = admin.createStatement()) {
            for (String db : names(st, "select datname from pg_database where datname like 'test\\_%'")) {
                if (selected.test(db)) {
                    st.execute("drop database if exists \"" + db + "\" with (force)");
                }
            }
            for (String role : names(st, "select rolname from pg_roles where rolname like 'test\\_%'")) {
                if (selected.test(role)) {
                    st.execute("drop role if exists \"" + role + "\"");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop test databases: " + e.getMessage(), e);
        }
    }

    private static List<String> names(Statement st, String sql) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
