package com.propcloud.pms.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A byte-for-byte TCP forwarder on a free local port, for simulating an outage of a shared server (the
 * broker, the database) without touching it: point one client at {@link #port()}, {@link #cut()} to drop
 * its connections and refuse new ones, {@link #restore()} to let it reconnect.
 *
 * <pre>{@code
 * try (TcpProxy proxy = TcpProxy.start("localhost", 5672)) {
 *     factory.setPort(proxy.port());
 *     proxy.cut();      // the client sees its connection reset
 *     proxy.restore();  // and can connect again
 * }
 * }</pre>
 */
public final class TcpProxy implements AutoCloseable {

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final String targetHost;
    private final int targetPort;
    private final ServerSocket server;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;
    private volatile boolean closed;

    private TcpProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        daemon("tcp-proxy-accept-" + server.getLocalPort(), this::acceptLoop).start();
    }

    /** Starts forwarding a free loopback port to {@code targetHost:targetPort}. */
    public static TcpProxy start(String targetHost, int targetPort) {
        try {
            return new TcpProxy(targetHost, targetPort);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not open a proxy port", e);
        }
    }

    /** The loopback host clients connect to. */
    public String host() {
        return server.getInetAddress().getHostAddress();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Closes every live connection and refuses new ones (they are accepted and closed at once). */
    public void cut() {
        cut = true;
        closeAll();
    }

    /** Forwards new connections again. */
    public void restore() {
        cut = false;
    }

    public boolean isCut() {
        return cut;
    }

    @Override
    public void close() {
        closed = true;
        cut = true;
        closeQuietly(server);
        closeAll();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                continue;
            }
            if (cut) {
                closeQuietly(client);
                continue;
            }
            connect(client);
        }
    }

    private void connect(Socket client) {
        Socket upstream = new Socket();
        try {
            upstream.connect(new InetSocketAddress(targetHost, targetPort), 5_000);
            client.setTcpNoDelay(true);
            upstream.setTcpNoDelay(true);
        } catch (IOException e) {
            closeQuietly(client);
            closeQuietly(upstream);
            return;
        }
        sockets.add(client);
        sockets.add(upstream);
        if (cut) { // cut while connecting
            closeAll();
            return;
        }
        daemon("tcp-proxy-up-" + THREADS.incrementAndGet(), () -> pump(client, upstream))
                .start();
        daemon("tcp-proxy-down-" + THREADS.incrementAndGet(), () -> pump(upstream, client))
                .start();
    }

    /** Copies one direction until either side closes, then closes both so the peer notices. */
    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) != -1) {
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // a closed socket ends the pump; that is how cut() and either peer hang up
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            sockets.remove(from);
            sockets.remove(to);
        }
    }

    private void closeAll() {
        for (Socket socket : sockets) {
            closeQuietly(socket);
            sockets.remove(socket);
        }
    }

    private static Thread daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        return thread;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // already closed or broken: either way it is gone
        }
    }
}
