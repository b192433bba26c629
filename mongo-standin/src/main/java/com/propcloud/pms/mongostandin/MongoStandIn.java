package com.propcloud.pms.mongostandin;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MongoDB-wire server for the local run: mongo-java-server with its H2 backend, keeping every database
 * in one MVStore file under a data directory, so documents survive a restart. Stops cleanly on SIGTERM
 * (closing the listener first, then committing and closing the store).
 *
 * <pre>
 * java -jar mongo-standin.jar [--port 27017] [--bind 127.0.0.1] [--data mongo-data]
 * </pre>
 */
public final class MongoStandIn implements AutoCloseable {

    /** The MVStore file inside the data directory. */
    static final String STORE_FILE = "standin.mv.db";

    private static final Logger log = LoggerFactory.getLogger(MongoStandIn.class);

    private final MongoServer server;
    private final InetSocketAddress address;
    private final Path store;

    private MongoStandIn(MongoServer server, InetSocketAddress address, Path store) {
        this.server = server;
        this.address = address;
        this.store = store;
    }

    /** Opens (or creates) the store under the settings' data directory and starts listening. */
    public static MongoStandIn start(StandInSettings settings) {
        Path store = settings.dataDir().toAbsolutePath().normalize().resolve(STORE_FILE);
        try {
            Files.createDirectories(store.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + store.getParent(), e);
        }
        H2Backend backend = new H2Backend(store.toString());
        MongoServer server = new MongoServer(backend);
        try {
            server.bind(settings.host(), settings.port());
        } catch (RuntimeException e) {
            backend.close();
            throw e;
        }
        return new MongoStandIn(server, server.getLocalAddress(), store);
    }

    public int port() {
        return address.getPort();
    }

    public String connectionString() {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    Path store() {
        return store;
    }

    /** Stops listening, closes open cursors and connections, then commits and closes the store. */
    @Override
    public void close() {
        server.shutdown();
    }

    public static void main(String[] args) throws InterruptedException {
        StandInSettings settings;
        try {
            settings = StandInSettings.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("mongo-standin: " + e.getMessage());
            System.err.println(StandInSettings.USAGE);
            System.exit(2);
            return;
        }
        if (settings.help()) {
            System.out.println(StandInSettings.USAGE);
            return;
        }
        MongoStandIn standIn;
        try {
            standIn = start(settings);
        } catch (RuntimeException e) {
            log.error(
                    "could not start on {}:{} with data in {}",
                    settings.host(),
                    settings.port(),
                    settings.dataDir(),
                    e);
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            log.info("stopping");
                            standIn.close();
                            log.info("stopped; data saved in {}", standIn.store());
                            stopped.countDown();
                        },
                        "mongo-standin-stop"));
        log.info("MongoDB stand-in listening on {} (data: {})", standIn.connectionString(), standIn.store());
        stopped.await();
    }
}
