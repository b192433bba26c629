package com.propcloud.pms.test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.mongodb.MongoDBContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.rabbitmq.RabbitMQContainer;
import org.testcontainers.utility.DockerImageName;

/** Starts the servers a test run needs as containers, for machines with a Docker engine. */
final class TestContainers {

    static final DockerImageName POSTGRES = DockerImageName.parse("postgres:15-alpine");
    static final DockerImageName RABBITMQ = DockerImageName.parse("rabbitmq:3.13-alpine");
    static final DockerImageName REDIS = DockerImageName.parse("redis:7-alpine");
    static final DockerImageName MOSQUITTO = DockerImageName.parse("eclipse-mosquitto:2");
    static final DockerImageName MONGO = DockerImageName.parse("mongo:7");

    private final List<GenericContainer<?>> started = new ArrayList<>();
    private final Set<ServerKind> running = EnumSet.noneOf(ServerKind.class);

    static boolean dockerAvailable() {
        boolean configured = System.getenv("DOCKER_HOST") != null
                || java.nio.file.Files.exists(java.nio.file.Path.of("/var/run/docker.sock"))
                || java.nio.file.Files.exists(java.nio.file.Path.of(System.getProperty("user.home"), ".docker"));
        if (!configured) {
            return false; // spares every run Testcontainers' long "no Docker environment" report
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    synchronized Endpoint start(ServerKind kind) {
        Endpoint endpoint =
                switch (kind) {
                    case POSTGRES -> {
                        var pg = track(new PostgreSQLContainer(POSTGRES).withUsername("postgres"));
                        yield new Endpoint(pg.getHost(), pg.getMappedPort(5432), pg.getUsername(), pg.getPassword());
                    }
                    case RABBITMQ -> {
                        var mq = track(new RabbitMQContainer(RABBITMQ));
                        yield new Endpoint(
                                mq.getHost(), mq.getAmqpPort(), mq.getAdminUsername(), mq.getAdminPassword());
                    }
                    case REDIS -> {
                        var redis = track(new GenericContainer<>(REDIS).withExposedPorts(6379));
                        yield Endpoint.of(redis.getHost(), redis.getMappedPort(6379));
                    }
                    case MQTT -> {
                        var mqtt = track(new GenericContainer<>(MOSQUITTO)
                                .withExposedPorts(1883)
                                .withCommand("mosquitto", "-c", "/mosquitto-no-auth.conf"));
                        yield Endpoint.of(mqtt.getHost(), mqtt.getMappedPort(1883));
                    }
                };
        running.add(kind);
        return endpoint;
    }

    synchronized String startMongo() {
        return track(new MongoDBContainer(MONGO)).getConnectionString();
    }

    boolean isRunning(ServerKind kind) {
        return running.contains(kind);
    }

    synchronized void stopAll() {
        started.forEach(GenericContainer::stop);
        started.clear();
    }

    private <C extends GenericContainer<?>> C track(C container) {
        container.start();
        started.add(container);
        return container;
    }
}
