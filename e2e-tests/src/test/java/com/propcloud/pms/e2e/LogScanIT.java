package com.propcloud.pms.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Runs after every other end-to-end test (the last module of the build, ordered last here) and reads
 * every log the test run produced: each module's test output and each running service's log. None may
 * hold a full phone number, ID number, token or the demo password (PIPL; see {@link LogScan}).
 */
@Order(Integer.MAX_VALUE)
class LogScanIT {

    @Test
    void noLogOfTheWholeTestRunHoldsPersonalNumbersOrSecrets() {
        Path root = Path.of(System.getProperty("pms.e2e.root", "..")).toAbsolutePath();
        // the platform has run and logged by now (the other end-to-end tests started it)
        Platform.get();

        List<Path> logs = LogScan.logsOfTheRun(root);
        assertThat(logs)
                .as("service logs of the end-to-end platform")
                .anyMatch(path ->
                        path.toString().contains("e2e-logs") && path.toString().endsWith("user-service.log"));
        assertThat(logs).as("test output of the service modules").anyMatch(path -> path.toString()
                .contains("user-service/target/failsafe-reports"));

        List<LogScan.Finding> findings =
                logs.stream().flatMap(log -> LogScan.scan(log).stream()).toList();

        assertThat(findings).as("personal numbers or secrets in the logs").isEmpty();
    }
}
