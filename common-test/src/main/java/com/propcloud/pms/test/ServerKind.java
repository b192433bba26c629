package com.propcloud.pms.test;

/** The servers a test run needs, with their local defaults and how to start each when it is down. */
enum ServerKind {
    POSTGRES(
            "PostgreSQL",
            "PMS_TEST_POSTGRES",
            5432,
            "postgres",
            "",
            "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start"),
    RABBITMQ(
            "RabbitMQ",
            "PMS_TEST_RABBIT",
            5672,
            "guest",
            "guest",
            "rabbitmq-server -detached && rabbitmqctl await_startup"),
    REDIS(
            "Redis",
            "PMS_TEST_REDIS",
            6379,
            "",
            "",
            "redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save \"\" --appendonly no"),
    MQTT("MQTT broker (Mosquitto)", "PMS_TEST_MQTT", 1883, "", "", "mosquitto -d -c /etc/mosquitto/mosquitto.conf");

    final String displayName;
    final String envPrefix;
    final int defaultPort;
    final String defaultUser;
    final String defaultPassword;
    final String startCommand;

    ServerKind(
            String displayName,
            String envPrefix,
            int defaultPort,
            String defaultUser,
            String defaultPassword,
            String startCommand) {
        this.displayName = displayName;
        this.envPrefix = envPrefix;
        this.defaultPort = defaultPort;
        this.defaultUser = defaultUser;
        this.defaultPassword = defaultPassword;
        this.startCommand = startCommand;
    }

    /** The endpoint configured by {@code <PREFIX>_HOST/_PORT/_USER/_PASSWORD}, defaulting to localhost. */
    Endpoint configured() {
        var env = System.getenv();
        // the admin password the platform's own bootstrap uses (deploy/local/infra.sh sets it where needed)
        String password =
                this == POSTGRES ? env.getOrDefault("PMS_DB_ADMIN_PASSWORD", defaultPassword) : defaultPassword;
        return new Endpoint(
                env.getOrDefault(envPrefix + "_HOST", "localhost"),
                Integer.parseInt(env.getOrDefault(envPrefix + "_PORT", Integer.toString(defaultPort))),
                env.getOrDefault(envPrefix + "_USER", defaultUser),
                env.getOrDefault(envPrefix + "_PASSWORD", password));
    }

    String missingMessage(Endpoint endpoint) {
        return displayName + " is not answering on " + endpoint.host() + ":" + endpoint.port()
                + " and no Docker engine is available for Testcontainers. Start it with: " + startCommand
                + " (or set " + envPrefix + "_HOST/_PORT to a reachable server, or run ./pms up --install on a"
                + " fresh machine).";
    }
}
