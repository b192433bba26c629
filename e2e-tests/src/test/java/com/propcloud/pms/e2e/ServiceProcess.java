package com.propcloud.pms.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One service of the platform running as its own JVM from its built jar, logging to a file. */
final class ServiceProcess {

    private final String name;
    private final int port;
    private final Path log;
    private final Process process;

    private ServiceProcess(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    static ServiceProcess start(String name, Path jar, int port, Map<String, String> env, Path logDir)
            throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the services first (./mvnw -B verify builds"
                    + " them before this module)");
        }
        Files.createDirectories(logDir);
        Path log = logDir.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // small heaps and quick JIT: seven JVMs share two cores in CI
                "-Xms64m",
                "-Xmx384m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Xss512k",
                "-jar",
                jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().putAll(env);
        builder.environment().put("PORT", Integer.toString(port));
        return new ServiceProcess(name, port, log, builder.start());
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    Path log() {
        return log;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    /**
     * Asks every process to shut down at once (SIGTERM, so each closes its connections and flushes),
     * then kills whatever is still running after a grace period: no process outlives the test run.
     */
    static void stopAll(java.util.Collection<ServiceProcess> processes) {
        processes.forEach(service -> service.process.destroy());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(12);
        for (ServiceProcess service : processes) {
            try {
                long left = Math.max(0, deadline - System.nanoTime());
                if (!service.process.waitFor(left, TimeUnit.NANOSECONDS)) {
                    service.process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                service.process.destroyForcibly();
            }
        }
    }
}
