package dev.jmcp.transport.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny HTTP/1.1 load balancer for tests: each request goes to the next backend in turn, with no stickiness.
 * It forces {@code Connection: close} on every request, so that each request comes on a connection of its own,
 * then pipes the bytes both ways (server-sent events stream through unchanged). Binds 127.0.0.1 on a free port.
 */
final class RoundRobinProxy implements AutoCloseable {
    private final ServerSocket server;
    private final List<URI> backends;
    private final AtomicInteger next = new AtomicInteger();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final Thread acceptor;
    private final int[] counts;

    RoundRobinProxy(List<URI> backends) throws IOException {
        this.backends = List.copyOf(backends);
        this.counts = new int[backends.size()];
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = daemon("rr-proxy", this::accept);
    }

    /** The proxy's MCP endpoint (the backends' path). */
    URI uri() {
        return URI.create(
                "http://127.0.0.1:" + server.getLocalPort() + backends.get(0).getRawPath());
    }

    /** How many requests went to backend {@code i}. */
    synchronized int requestsTo(int i) {
        return counts[i];
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                sockets.add(client);
                daemon("rr-proxy-conn", () -> serve(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        int i = Math.floorMod(next.getAndIncrement(), backends.size());
        synchronized (this) {
            counts[i]++;
        }
        URI backend = backends.get(i);
        try (client;
                Socket upstream = new Socket()) {
            sockets.add(upstream);
            upstream.connect(new InetSocketAddress(backend.getHost(), backend.getPort()), 5_000);
            InputStream in = client.getInputStream();
            byte[] head = readHead(in);
            if (head == null) {
                return;
            }
            OutputStream up = upstream.getOutputStream();
            up.write(rewrite(head, backend));
            up.flush();
            Thread body = daemon("rr-proxy-body", () -> pipe(in, up));
            pipe(upstream.getInputStream(), client.getOutputStream());
            body.interrupt();
        } catch (IOException e) {
            // a connection ended: nothing to do
        }
    }

    /** The request head with {@code Connection: close} and the backend's Host; no upgrade. */
    private static byte[] rewrite(byte[] head, URI backend) {
        String[] lines = new String(head, StandardCharsets.ISO_8859_1).split("\r\n");
        StringBuilder sb = new StringBuilder(lines[0]).append("\r\n");
        for (int i = 1; i < lines.length; i++) {
            String lower = lines[i].toLowerCase(Locale.ROOT);
            if (lines[i].isEmpty()
                    || lower.startsWith("connection:")
                    || lower.startsWith("upgrade:")
                    || lower.startsWith("http2-settings:")
                    || lower.startsWith("host:")) {
                continue;
            }
            sb.append(lines[i]).append("\r\n");
        }
        sb.append("Host: 127.0.0.1:").append(backend.getPort()).append("\r\n");
        sb.append("Connection: close\r\n\r\n");
        return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int state = 0;
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3))
                    ? state + 1
                    : (b == '\r' ? 1 : 0);
            if (state == 4) {
                return head.toByteArray();
            }
        }
        return null;
    }

    private static void pipe(InputStream from, OutputStream to) {
        byte[] buf = new byte[8192];
        try {
            int n;
            while ((n = from.read(buf)) >= 0) {
                to.write(buf, 0, n);
                to.flush();
            }
        } catch (IOException e) {
            // one side closed
        }
    }

    private static Thread daemon(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
        try {
            acceptor.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
