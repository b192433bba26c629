package com.propcloud.pms.mongostandin;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar as `./pms up` runs it: started as a process, stopped with SIGTERM, started again. */
class MongoStandInProcessIT {

    @TempDir
    Path work;

    @Test
    void keepsDocumentsAcrossASigtermAndARestart() throws Exception {
        Path data = work.resolve("data");
        int port = freePort();

        Process first = start(port, data, work.resolve("first.log"));
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            client.getDatabase("pms").getCollection("events").insertOne(new Document("_id", "ev-1").append("n", 42));
        }
        first.destroy(); // SIGTERM
        assertThat(first.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(work.resolve("first.log"))).contains("stopped; data saved");

        Process second = start(port, data, work.resolve("second.log"));
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            Document found = client.getDatabase("pms")
                    .getCollection("events")
                    .find(new Document("_id", "ev-1"))
                    .first();
            assertThat(found).isNotNull();
            assertThat(found.getInteger("n")).isEqualTo(42);
        } finally {
            second.destroy();
            second.waitFor(20, TimeUnit.SECONDS);
        }
    }

    private static Process start(int port, Path data, Path log) throws IOException, InterruptedException {
        String jar = System.getProperty("mongo-standin.jar");
        assertThat(jar).as("system property mongo-standin.jar").isNotBlank();
        Process process = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        jar,
                        "--port",
                        Integer.toString(port),
                        "--data",
                        data.toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!answers(port)) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                process.destroyForcibly();
                throw new AssertionError("stand-in did not start: " + Files.readString(log));
            }
            Thread.sleep(100);
        }
        return process;
    }

    private static boolean answers(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
