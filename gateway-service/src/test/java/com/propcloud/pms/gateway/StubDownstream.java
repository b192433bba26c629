package com.propcloud.pms.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * A stand-in for one downstream service: records every request it receives and answers 200 with a
 * small JSON body, or with a canned reply registered for an exact path.
 */
final class StubDownstream {

    /** Tests tag their requests with this header so they can find them among others. */
    static final String MARKER = "X-Test-Marker";

    /** What the stub saw, header names lower-cased. */
    record Recorded(String method, String path, String query, Map<String, List<String>> headers, long bodyBytes) {
        Optional<String> header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
        }
    }

    @FunctionalInterface
    interface Reply {
        void send(HttpExchange exchange) throws IOException;
    }

    private final String name;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Recorded> received = new CopyOnWriteArrayList<>();
    private final Map<String, Reply> replies = new ConcurrentHashMap<>();

    private StubDownstream(String name) {
        this.name = name;
        try {
            this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    static StubDownstream start(String name) {
        return new StubDownstream(name);
    }

    String baseUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void reply(String path, Reply reply) {
        replies.put(path, reply);
    }

    Optional<Recorded> find(String marker) {
        return received.stream()
                .filter(r -> r.header(MARKER).filter(marker::equals).isPresent())
                .findFirst();
    }

    private void handle(HttpExchange exchange) throws IOException {
        long bodyBytes;
        try (InputStream body = exchange.getRequestBody()) {
            bodyBytes = body.transferTo(java.io.OutputStream.nullOutputStream());
        }
        Map<String, List<String>> headers = exchange.getRequestHeaders().entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().toLowerCase(Locale.ROOT), e -> List.copyOf(e.getValue())));
        String path = exchange.getRequestURI().getRawPath();
        received.add(new Recorded(
                exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(), headers, bodyBytes));
        Reply reply = replies.get(path);
        if (reply != null) {
            reply.send(exchange);
            return;
        }
        byte[] json = ("{\"service\":\"" + name + "\",\"path\":\"" + path + "\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, json.length);
        exchange.getResponseBody().write(json);
        exchange.close();
    }
}
