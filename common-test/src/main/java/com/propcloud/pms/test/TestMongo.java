package com.propcloud.pms.test;

import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;

/**
 * MongoDB for a test run: the server named by {@code MONGODB_URI}, else a Testcontainers {@code mongo}
 * where Docker exists, else an embedded MongoDB-wire server in this JVM on a free port. The run uses
 * its own database in any case.
 */
final class TestMongo {

    private final String uri;
    private final String database;
    private final MongoServer embedded;

    private TestMongo(String uri, String database, MongoServer embedded) {
        this.uri = uri;
        this.database = database;
        this.embedded = embedded;
    }

    static TestMongo start(String runId, TestContainers containers) {
        String configured = System.getenv("MONGODB_URI");
        if (configured != null && !configured.isBlank()) {
            return new TestMongo(withDatabase(configured, runId), runId, null);
        }
        InfrastructureMode mode = InfrastructureMode.fromEnvironment();
        if (mode == InfrastructureMode.CONTAINERS
                || (mode == InfrastructureMode.AUTO && TestContainers.dockerAvailable())) {
            return new TestMongo(withDatabase(containers.startMongo(), runId), runId, null);
        }
        MongoServer server = new MongoServer(new MemoryBackend());
        // bind() with no arguments picks a free port on the loopback interface
        InetSocketAddress address = server.bind();
        return new TestMongo("mongodb://127.0.0.1:" + address.getPort() + "/" + runId, runId, server);
    }

    /** Puts the run's database into a connection string, keeping its options. */
    static String withDatabase(String uri, String database) {
        int schemeEnd = uri.indexOf("://") + 3;
        int slash = uri.indexOf('/', schemeEnd);
        int query = uri.indexOf('?', schemeEnd);
        String hosts = slash >= 0 ? uri.substring(0, slash) : (query >= 0 ? uri.substring(0, query) : uri);
        String options = query >= 0 ? uri.substring(query) : "";
        return hosts + "/" + database + options;
    }

    String uri() {
        return uri;
    }

    boolean isEmbedded() {
        return embedded != null;
    }

    void close() {
        if (embedded != null) {
            embedded.shutdownNow();
            return;
        }
        try (var client = MongoClients.create(uri)) {
            client.getDatabase(database).drop();
        }
    }
}
