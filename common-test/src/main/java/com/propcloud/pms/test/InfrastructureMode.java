package com.propcloud.pms.test;

import java.util.Locale;

/**
 * How {@link TestInfrastructure} finds its servers, chosen with {@code PMS_TEST_INFRA}.
 *
 * <ul>
 *   <li>{@code auto} (default): a server answering on its local port, else a Testcontainers container
 *       when a Docker engine exists, else a failure that says what to start.
 *   <li>{@code local}: only the local servers.
 *   <li>{@code containers}: always Testcontainers.
 * </ul>
 */
enum InfrastructureMode {
    AUTO,
    LOCAL,
    CONTAINERS;

    static InfrastructureMode fromEnvironment() {
        String value = System.getenv().getOrDefault("PMS_TEST_INFRA", "auto");
        return InfrastructureMode.valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
