package com.propcloud.pms.iot.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.propcloud.pms.common.db.StoreSpec;
import com.propcloud.pms.test.UsesPmsInfrastructure;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** iot-service migrates and writes the reporting store's telemetry schema as its own unprivileged role. */
@SpringBootTest
@UsesPmsInfrastructure
class TelemetryStoreIT {

    @Autowired
    @Qualifier("telemetryJdbc")
    JdbcTemplate telemetry;

    @Autowired
    StoreSpec telemetryStore;

    @Test
    void storeLivesInReportingDatabaseUnderItsOwnSchema() {
        assertThat(telemetryStore.database()).endsWith("_reporting");
        assertThat(telemetry.queryForObject("select current_schema()", String.class))
                .isEqualTo("telemetry");
        assertThat(telemetry.queryForObject("select current_user", String.class))
                .isEqualTo(telemetryStore.appRole());
    }

    @Test
    void readingsAreWrittenIntoTheTimePartitionedTable() {
        UUID tenant = UUID.randomUUID();
        telemetry.update(
                "insert into reading (tenant_id, device_id, ts, metrics) values (?, ?, ?, ?::jsonb)",
                tenant,
                "meter-1",
                Timestamp.from(Instant.parse("2026-11-21T10:00:00Z")),
                "{\"kwh\":1234.5}");

        assertThat(telemetry.queryForObject(
                        "select metrics->>'kwh' from reading where tenant_id = ? and device_id = 'meter-1'",
                        String.class,
                        tenant))
                .isEqualTo("1234.5");
        assertThat(telemetry.queryForObject(
                        "select count(*) from pg_partitioned_table p join pg_class c on c.oid = p.partrelid"
                                + " where c.relname = 'reading'",
                        Integer.class))
                .isEqualTo(1);
    }

    @Test
    void migrationHistoryIsKeptInTheTelemetrySchema() {
        assertThat(telemetry.queryForObject(
                        "select count(*) from telemetry.flyway_schema_history where success", Integer.class))
                .isPositive();
    }
}
