package com.propcloud.pms.iot.telemetry;

import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes readings and quarantined messages into the reporting store's {@code telemetry} schema as
 * the telemetry application role. Readings go in one transaction per tenant with {@code
 * app.tenant_id} set, so row-level security checks every row; the rows of one call are one
 * multi-row insert ({@code reWriteBatchedInserts}). A reading already stored (same tenant, device
 * and {@code ts}: a redelivery) is skipped.
 */
@Component
class TelemetryWriter {

    static final String SET_TENANT = "select set_config('app.tenant_id', ?, true)";
    static final String INSERT_READING = "insert into reading (tenant_id, device_id, ts, metrics)"
            + " values (?, ?, ?, ?::jsonb) on conflict do nothing";
    static final String INSERT_QUARANTINE =
            "insert into quarantine (id, tenant_id, topic, payload, reason, detail, received_at)"
                    + " values (?, ?, ?, ?, ?, ?, ?)";

    record ReadingRow(String deviceId, Instant ts, String metricsJson) {}

    record QuarantineRow(
            UUID id,
            @Nullable UUID tenantId,
            String topic,
            String payload,
            QuarantineReason reason,
            String detail,
            Instant receivedAt) {}

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    TelemetryWriter(@Qualifier("telemetryDataSource") DataSource telemetryDataSource) {
        this.jdbc = new JdbcTemplate(telemetryDataSource);
        // not a bean: the JPA transaction manager stays the service's only one
        this.transactions = new TransactionTemplate(new JdbcTransactionManager(telemetryDataSource));
    }

    /** One transaction for one tenant's readings. */
    void insertReadings(UUID tenantId, List<ReadingRow> rows) {
        transactions.executeWithoutResult(status -> {
            jdbc.queryForObject(SET_TENANT, String.class, tenantId.toString());
            jdbc.batchUpdate(INSERT_READING, rows, rows.size(), (ps, row) -> {
                ps.setObject(1, tenantId);
                ps.setString(2, row.deviceId());
                ps.setObject(3, utc(row.ts()));
                ps.setString(4, row.metricsJson());
            });
        });
    }

    /** One transaction for quarantined messages, which may belong to no known tenant. */
    void insertQuarantine(List<QuarantineRow> rows) {
        transactions.executeWithoutResult(status -> {
            jdbc.queryForObject(SET_TENANT, String.class, "");
            jdbc.batchUpdate(INSERT_QUARANTINE, rows, rows.size(), (ps, row) -> {
                ps.setObject(1, row.id());
                if (row.tenantId() == null) {
                    ps.setNull(2, Types.OTHER);
                } else {
                    ps.setObject(2, row.tenantId());
                }
                ps.setString(3, row.topic());
                ps.setString(4, row.payload());
                ps.setString(5, row.reason().code());
                ps.setString(6, row.detail());
                ps.setObject(7, utc(row.receivedAt()));
            });
        });
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /**
     * Whether the database refused the data itself (SQLSTATE class 22 data exception or 23 integrity
     * violation), which no retry mends; anything else (connection loss, shutdown, lock timeout, a
     * missing grant) is worth retrying.
     */
    static boolean isDataError(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                // a failed batch reports the statement's own error as the next exception
                for (SQLException e = sql; e != null; e = e.getNextException()) {
                    String state = e.getSQLState();
                    if (state != null && (state.startsWith("22") || state.startsWith("23"))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
