package com.propcloud.pms.test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The servers one test JVM uses, resolved once: local servers by default, Testcontainers where asked
 * for or where nothing answers locally and Docker exists, otherwise a failure that names what to
 * start. Each JVM gets a run id; every name it creates (databases and roles, RabbitMQ virtual host,
 * Redis keys, MQTT topics, Mongo database) carries it, and is removed when the JVM exits.
 */
public final class TestInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);
    private static final Duration PROBE_TIMEOUT = Duration.ofMillis(700);
    private static volatile TestInfrastructure instance;

    private final String runId;
    private final InfrastructureMode mode;
    private final Map<ServerKind, Endpoint> endpoints = new EnumMap<>(ServerKind.class);
    private final TestContainers containers = new TestContainers();
    private final TestDatabases databases;
    private final TestRabbit rabbit;
    private final TestMongo mongo;

    private TestInfrastructure() {
        this.runId = newRunId();
        this.mode = InfrastructureMode.fromEnvironment();
        for (ServerKind kind : ServerKind.values()) {
            endpoints.put(kind, resolve(kind));
        }
        this.databases = new TestDatabases(endpoints.get(ServerKind.POSTGRES), runId);
        this.rabbit =
                new TestRabbit(endpoints.get(ServerKind.RABBITMQ), runId, containers.isRunning(ServerKind.RABBITMQ));
        this.mongo = TestMongo.start(runId, containers);
        databases.dropStaleRuns();
        Runtime.getRuntime().addShutdownHook(new Thread(this::cleanUp, "pms-test-infrastructure-cleanup"));
        log.info("Test run {} uses {}", runId, endpoints);
    }

    /** The infrastructure of this JVM, resolved on first use. */
    public static TestInfrastructure get() {
        if (instance == null) {
            synchronized (TestInfrastructure.class) {
                if (instance == null) {
                    instance = new TestInfrastructure();
                }
            }
        }
        return instance;
    }

    /** Lower-case id that prefixes every name this run creates, e.g. {@code test_t4xk2a_9f3c}. */
    public String runId() {
        return runId;
    }

    public Endpoint postgres() {
        return endpoints.get(ServerKind.POSTGRES);
    }

    public Endpoint rabbit() {
        return endpoints.get(ServerKind.RABBITMQ);
    }

    public Endpoint redis() {
        return endpoints.get(ServerKind.REDIS);
    }

    public Endpoint mqtt() {
        return endpoints.get(ServerKind.MQTT);
    }

    /** The RabbitMQ virtual host of this run ({@code /} where the broker is a private container). */
    public String rabbitVirtualHost() {
        return rabbit.virtualHost();
    }

    /** Name of the topic exchange for this run: {@code pms.events}, prefixed only where no vhost isolates it. */
    public String eventsExchange() {
        return rabbit.namePrefix() + "pms.events";
    }

    /** Prefix for queue names, empty where the run has its own virtual host. */
    public String queuePrefix() {
        return rabbit.namePrefix();
    }

    /**
     * A RabbitMQ client factory logged in to this run's virtual host, at {@code host:port} (the broker,
     * or a proxy in front of it that a test controls).
     */
    public com.rabbitmq.client.ConnectionFactory rabbitConnectionFactory(String host, int port) {
        var factory = new com.rabbitmq.client.ConnectionFactory();
        factory.setHost(host);
        factory.setPort(port);
        factory.setUsername(rabbit().username());
        factory.setPassword(rabbit().password());
        factory.setVirtualHost(rabbitVirtualHost());
        return factory;
    }

    public String mongoUri() {
        return mongo.uri();
    }

    public String redisKeyPrefix() {
        return runId + ":";
    }

    public String mqttTopicRoot() {
        return runId;
    }

    /** Admin JDBC URL of the {@code postgres} database, for tests that inspect or set up databases. */
    public String postgresAdminUrl() {
        return databases.adminUrl();
    }

    /** The Spring properties that point a service's context at this run's servers and names. */
    public Map<String, Object> springProperties() {
        Map<String, Object> props = new LinkedHashMap<>();
        Endpoint pg = postgres();
        props.put("pms.database.host", pg.host());
        props.put("pms.database.port", pg.port());
        props.put("pms.database.prefix", runId + "_");
        props.put("pms.database.admin.enabled", true);
        props.put("pms.database.admin.url", databases.adminUrl());
        props.put("pms.database.admin.username", pg.username());
        props.put("pms.database.admin.password", pg.password());
        // a test JVM caches several contexts, each with its own pool: keep them small so a whole
        // run, the end-to-end platform and a local platform fit PostgreSQL's default 100 connections
        props.put("pms.database.max-pool-size", 3);
        props.put("spring.datasource.hikari.minimum-idle", 1);
        Endpoint mq = rabbit();
        props.put("spring.rabbitmq.host", mq.host());
        props.put("spring.rabbitmq.port", mq.port());
        props.put("spring.rabbitmq.username", mq.username());
        props.put("spring.rabbitmq.password", mq.password());
        props.put("spring.rabbitmq.virtual-host", rabbitVirtualHost());
        props.put("pms.messaging.exchange", eventsExchange());
        props.put("pms.messaging.queue-prefix", queuePrefix());
        props.put("spring.data.redis.host", redis().host());
        props.put("spring.data.redis.port", redis().port());
        props.put("pms.redis.key-prefix", redisKeyPrefix());
        props.put("pms.mqtt.host", mqtt().host());
        props.put("pms.mqtt.port", mqtt().port());
        props.put("pms.mqtt.topic-root", mqttTopicRoot());
        props.put("pms.mqtt.shared-group", runId);
        props.put("spring.mongodb.uri", mongoUri());
        // services other than user-service validate tokens against this stand-in; user-service uses its own keys
        props.put("pms.security.jwk-set-uri", TestJwks.get().jwksUri());
        return props;
    }

    private Endpoint resolve(ServerKind kind) {
        Endpoint configured = kind.configured();
        if (mode == InfrastructureMode.CONTAINERS) {
            return containers.start(kind);
        }
        if (answers(configured)) {
            return configured;
        }
        if (mode == InfrastructureMode.AUTO && TestContainers.dockerAvailable()) {
            log.info(
                    "{} not answering on {}:{}; starting a container",
                    kind.displayName,
                    configured.host(),
                    configured.port());
            return containers.start(kind);
        }
        throw new IllegalStateException(kind.missingMessage(configured));
    }

    static boolean answers(Endpoint endpoint) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), (int) PROBE_TIMEOUT.toMillis());
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void cleanUp() {
        runQuietly("databases", databases::dropRun);
        runQuietly("virtual host", rabbit::deleteRun);
        runQuietly("redis keys", () -> TestRedis.deleteKeys(redis(), redisKeyPrefix()));
        runQuietly("mongo", mongo::close);
        runQuietly("containers", containers::stopAll);
    }

    private static void runQuietly(String what, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            // cleanup is best effort; stale runs are dropped by the next run
            System.err.println("Test cleanup of " + what + " failed: " + e.getMessage());
        }
    }

    /** {@code test_<epoch seconds base 36>_<random>}: the stamp lets a later run drop what a killed run left. */
    private static String newRunId() {
        String stamp = Long.toString(Instant.now().getEpochSecond(), 36);
        String random = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
        return ("test_" + stamp + "_" + random).toLowerCase(Locale.ROOT);
    }

    static Instant runStarted(String runId) {
        String[] parts = runId.split("_");
        return Instant.ofEpochSecond(Long.parseLong(parts[1], 36));
    }
}
