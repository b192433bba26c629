package com.propcloud.pms.test;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Isolates a test run on RabbitMQ: a virtual host of its own where {@code rabbitmqctl} can make one
 * (the broker on this machine), else a name prefix on the exchange and queues. A private container
 * needs neither.
 */
final class TestRabbit {

    private final String runId;
    private final String virtualHost;
    private final String namePrefix;
    private final boolean ownsVirtualHost;

    TestRabbit(Endpoint server, String runId, boolean privateBroker) {
        this.runId = runId;
        if (privateBroker) {
            this.virtualHost = "/";
            this.namePrefix = "";
            this.ownsVirtualHost = false;
        } else if (isLocal(server)
                && rabbitmqctl("add_vhost", runId)
                && rabbitmqctl("set_permissions", "-p", runId, server.username(), ".*", ".*", ".*")) {
            this.virtualHost = runId;
            this.namePrefix = "";
            this.ownsVirtualHost = true;
        } else {
            this.virtualHost = "/";
            this.namePrefix = runId + ".";
            this.ownsVirtualHost = false;
        }
    }

    String virtualHost() {
        return virtualHost;
    }

    String namePrefix() {
        return namePrefix;
    }

    void deleteRun() {
        if (ownsVirtualHost) {
            rabbitmqctl("delete_vhost", runId);
        }
    }

    private static boolean isLocal(Endpoint server) {
        return List.of("localhost", "127.0.0.1", "::1").contains(server.host());
    }

    private static boolean rabbitmqctl(String... args) {
        var command = new java.util.ArrayList<String>();
        command.add("rabbitmqctl");
        command.add("-q");
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
