package com.propcloud.pms.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;
import org.junit.jupiter.api.Test;

/** A test run finds the local servers and isolates itself under names a running platform never uses. */
class InfrastructureResolutionIT {

    private final TestInfrastructure infra = TestInfrastructure.get();

    @Test
    void runIdKeepsOutOfThePlatformsNames() {
        assertThat(infra.runId()).matches("test_[0-9a-z]+_[0-9a-f]{4}").doesNotStartWith("pms_");
        assertThat(infra.springProperties())
                .containsEntry("pms.database.prefix", infra.runId() + "_")
                .containsEntry("pms.redis.key-prefix", infra.runId() + ":")
                .containsEntry("pms.mqtt.topic-root", infra.runId());
    }

    @Test
    void runHasItsOwnRabbitVirtualHostOnThisMachine() {
        assertThat(infra.rabbitVirtualHost()).isEqualTo(infra.runId());
        assertThat(infra.eventsExchange()).isEqualTo("pms.events");
    }

    @Test
    void postgresAdminConnectionWorks() throws Exception {
        try (var connection = DriverManager.getConnection(
                        infra.postgresAdminUrl(),
                        infra.postgres().username(),
                        infra.postgres().password());
                var result =
                        connection.createStatement().executeQuery("select current_setting('server_version_num')")) {
            assertThat(result.next()).isTrue();
        }
    }

    @Test
    void staleRunIdsAreDatedByTheirStamp() {
        assertThat(TestInfrastructure.runStarted(infra.runId())).isBeforeOrEqualTo(java.time.Instant.now());
    }
}
