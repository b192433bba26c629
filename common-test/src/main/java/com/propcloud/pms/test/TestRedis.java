package com.propcloud.pms.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Deletes a test run's Redis keys, speaking just enough RESP to avoid a client dependency here. */
final class TestRedis {

    private static final String DELETE_BY_PREFIX =
            "local n=0 for _,k in ipairs(redis.call('keys', ARGV[1])) do redis.call('del', k) n=n+1 end return n";

    private TestRedis() {}

    static void deleteKeys(Endpoint redis, String prefix) {
        try (Socket socket = new Socket(redis.host(), redis.port())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(command("EVAL", DELETE_BY_PREFIX, "0", prefix + "*"));
            out.flush();
            InputStream in = socket.getInputStream();
            int first = in.read();
            if (first == '-') {
                throw new IllegalStateException("Redis refused the cleanup script");
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not delete Redis keys " + prefix + "*: " + e.getMessage(), e);
        }
    }

    private static byte[] command(String... parts) {
        StringBuilder resp = new StringBuilder("*").append(parts.length).append("\r\n");
        for (String part : parts) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            resp.append('$').append(bytes.length).append("\r\n").append(part).append("\r\n");
        }
        return resp.toString().getBytes(StandardCharsets.UTF_8);
    }
}
