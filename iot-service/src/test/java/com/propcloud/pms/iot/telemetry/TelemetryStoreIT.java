package com.propcloud.pms.iot.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.propcloud.pms.common.db.StoreSpec;
import com.propcloud.pms.test.UsesPmsInfrastructure;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** iot-service migrates and writes the reporting store's telemetry schema as its own unprivileged role. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesPmsInfrastructure
class TelemetryStoreIT {

    @Autowired
    @Qualifier("telemetryJdbc")
    JdbcTemplate telemetry;

    @Autowired
    StoreSpec telemetryStore;

    @Autowired
    TelemetryWriter store;

    @Autowired
    @Qualifier("telemetryDataSource")
    DataSource telemetryDataSource;

    private <T> T asTenant(UUID tenant, java.util.function.Supplier<T> work) {
        return new TransactionTemplate(new JdbcTransactionManager(telemetryDataSource)).execute(status -> {
            telemetry.queryForObject(TelemetryWriter.SET_TENANT, String.class, tenant.toString());
            return work.get();
        });
    }

    @Test
    void storeLivesInReportingDatabaseUnderItsOwnSchema() {
        assertThat(telemetryStore.database()).endsWith("_reporting");
        assertThat(telemetry.queryForObject("select current_schema()", String.class))
                .isEqualTo("telemetry");
        assertThat(telemetry.queryForObject("select current_user", String.class))
                .isEqualTo(telemetryStore.appRole());
    }

    @Test
    void readingsAreWrittenIntoTheTimePartitionedTableForTheTenantOfTheTransaction() {
        UUID tenant = UUID.randomUUID();
        store.insertReadings(
                tenant,
                List.of(new TelemetryWriter.ReadingRow(
                        "meter-1", Instant.parse("2026-11-21T10:00:00Z"), "{\"kwh\":1234.5}")));

        assertThat(asTenant(
                        tenant,
                        () -> telemetry.queryForObject(
                                "select metrics->>'kwh' from reading where tenant_id = ? and device_id = 'meter-1'",
                                String.class,
                                tenant)))
                .isEqualTo("1234.5");
        assertThat(telemetry.queryForObject(
                        "select count(*) from pg_partitioned_table p join pg_class c on c.oid = p.partrelid"
                                + " where c.relname = 'reading'",
                        Integer.class))
                .isEqualTo(1);
    }

    @Test
    void rowLevelSecurityHidesOtherTenantsAndRefusesForeignRows() {
        UUID tenant = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        store.insertReadings(
                tenant,
                List.of(new TelemetryWriter.ReadingRow(
                        "meter-rls", Instant.parse("2026-11-21T10:00:00Z"), "{\"kwh\":1}")));

        assertThat(telemetry.queryForObject(
                        "select count(*) from reading where device_id = 'meter-rls'", Integer.class))
                .as("no tenant set: no rows")
                .isZero();
        assertThat(asTenant(
                        other,
                        () -> telemetry.queryForObject(
                                "select count(*) from reading where device_id = 'meter-rls'", Integer.class)))
                .isZero();
        assertThat(asTenant(
                        tenant,
                        () -> telemetry.queryForObject(
                                "select count(*) from reading where device_id = 'meter-rls'", Integer.class)))
                .isEqualTo(1);
        assertThatThrownBy(() -> asTenant(
                        other,
                        () -> telemetry.update(
                                "insert into reading (tenant_id, device_id, ts, metrics) values (?, 'x', now(), '{}')",
                                tenant)))
                .rootCause()
                .hasMessageContaining("row-level security");
    }

    @Test
    void partitionsCannotBeReadDirectly() {
        assertThatThrownBy(() -> telemetry.queryForObject("select count(*) from reading_default", Integer.class))
                .rootCause()
                .hasMessageContaining("permission denied");
    }

    @Test
    void migrationHistoryIsKeptInTheTelemetrySchema() {
        assertThat(telemetry.queryForObject(
                        "select count(*) from telemetry.flyway_schema_history where success", Integer.class))
                .isPositive();
    }
}
