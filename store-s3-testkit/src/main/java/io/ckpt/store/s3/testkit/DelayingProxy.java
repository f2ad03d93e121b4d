package io.ckpt.store.s3.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;

/**
 * A TCP proxy on the loopback address that adds a fixed latency to every request: on each
 * connection, the first bytes a client sends after the last response bytes (the start of the
 * next request on a keep-alive connection) are held back for {@link #delayNanos()} before they
 * are forwarded. A request so costs one added latency, as a store that many milliseconds away
 * would; bytes already flowing are not delayed (bandwidth stays the loopback's). A client that
 * waits for {@code 100 Continue} before a body pays the latency again, as it would on a real
 * network.
 *
 * <p>Thread-safety: two threads per connection and one accepting; {@link #delayNanos(long)} from any thread.
 */
public final class DelayingProxy implements AutoCloseable {
    private final ServerSocket server;
    private final InetSocketAddress upstream;
    private final Thread acceptor;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile long delayNanos;
    private volatile boolean closed;

    private DelayingProxy(InetSocketAddress upstream, long delayNanos) throws IOException {
        this.upstream = upstream;
        this.delayNanos = delayNanos;
        this.server = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::acceptLoop, "delaying-proxy-accept");
        this.acceptor.setDaemon(true);
        this.acceptor.start();
    }

    /** @return a proxy to {@code upstream} (a loopback server) adding {@code delayNanos} per request. */
    public static DelayingProxy start(URI upstream, long delayNanos) throws IOException {
        return new DelayingProxy(new InetSocketAddress(upstream.getHost(), upstream.getPort()), delayNanos);
    }

    /** @return the proxy's endpoint, {@code http://127.0.0.1:PORT}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** @return the added latency per request. */
    public long delayNanos() {
        return delayNanos;
    }

    /** Sets the added latency per request (new requests on every connection). */
    public void delayNanos(long nanos) {
        this.delayNanos = nanos;
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = server.accept();
                Socket up = new Socket();
                up.connect(upstream);
                client.setTcpNoDelay(true);
                up.setTcpNoDelay(true);
                sockets.add(client);
                sockets.add(up);
                Connection c = new Connection();
                start(() -> c.pump(client, up, true), "delaying-proxy-up");
                start(() -> c.pump(up, client, false), "delaying-proxy-down");
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private static void start(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
    }

    /** One proxied connection: whether the next client bytes begin a request. */
    private final class Connection {
        private volatile boolean requestStarts = true;

        void pump(Socket from, Socket to, boolean requests) {
            byte[] buf = new byte[64 << 10];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    if (requests && requestStarts) {
                        requestStarts = false;
                        long until = System.nanoTime() + delayNanos;
                        for (long left = delayNanos; left > 0; left = until - System.nanoTime()) {
                            LockSupport.parkNanos(left);
                        }
                    } else if (!requests) {
                        requestStarts = true;
                    }
                    out.write(buf, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // the other side closed
            } finally {
                close(from);
                close(to);
            }
        }
    }

    private static void close(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        for (Socket s : sockets) {
            close(s);
        }
    }
}
