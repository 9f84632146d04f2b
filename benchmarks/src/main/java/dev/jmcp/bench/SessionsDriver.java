package dev.jmcp.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Opens N handshake-era sessions on a Streamable HTTP server and keeps one GET (SSE) stream open per session, so
 * that the server's memory per idle session can be measured. Plain blocking sockets, no MCP library: for each
 * session {@code initialize} and {@code notifications/initialized} on a short-lived connection, then a GET that
 * stays open. Prints {@code OPENED <n> failed=<f>} and holds the streams until its standard input closes.
 *
 * <p>Arguments: {@code <url> <sessions> [threads] [sockets|jdk-client]}: {@code jdk-client} sends every request
 * with the JDK {@code HttpClient} instead of plain sockets (slower to open, same server-side picture).
 */
public final class SessionsDriver {
    /** Sent like any HTTP client does (Jetty keeps a header cache per connection for such headers). */
    private static final String USER_AGENT = "User-Agent: jmcp-sessions-driver/1.0\r\n";

    private SessionsDriver() {}

    /** Opens the sessions, prints the count, waits for end of input, then closes them. */
    public static void main(String[] args) throws Exception {
        java.net.URI url = java.net.URI.create(args[0]);
        int sessions = Integer.parseInt(args[1]);
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        boolean jdkClient = args.length > 3 && args[3].equals("jdk-client");
        InetSocketAddress address = new InetSocketAddress(url.getHost(), url.getPort());
        String path = url.getRawPath();
        List<Socket> streams = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long start = System.nanoTime();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread w = new Thread(() -> {
                while (next.getAndIncrement() < sessions) {
                    try {
                        if (jdkClient) {
                            viaJdkClient(address, path, url);
                            streams.add(new Socket());
                        } else {
                            streams.add(open(address, path));
                        }
                    } catch (IOException | RuntimeException e) {
                        if (failed.incrementAndGet() <= 3) {
                            System.err.println("session failed: " + e);
                        }
                    }
                }
            });
            w.start();
            workers.add(w);
        }
        for (Thread w : workers) {
            w.join();
        }
        System.out.printf(
                Locale.ROOT,
                "OPENED %d failed=%d in %.1f s%n",
                streams.size(),
                failed.get(),
                (System.nanoTime() - start) / 1e9);
        System.out.flush();
        while (System.in.read() >= 0) {
            // hold the streams open until the input ends
        }
        for (Socket s : streams) {
            s.close();
        }
    }

    private static Socket open(InetSocketAddress address, String path) throws IOException {
        String init = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"sessions-driver\",\"version\":\"1\"}}}";
        String sessionId;
        try (Socket s = connect(address)) {
            String head = exchange(s, post(path, init, null));
            sessionId = header(head, "mcp-session-id");
            if (sessionId == null) {
                throw new IOException(
                        "no session id: " + head.lines().findFirst().orElse(""));
            }
        }
        try (Socket s = connect(address)) {
            exchange(s, post(path, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", sessionId));
        }
        Socket stream = connect(address);
        String get = "GET " + path + " HTTP/1.1\r\nHost: " + address.getHostString() + "\r\n" + USER_AGENT
                + "Accept: text/event-stream\r\nMCP-Protocol-Version: 2025-06-18\r\nMcp-Session-Id: " + sessionId
                + "\r\n\r\n";
        stream.getOutputStream().write(get.getBytes(StandardCharsets.US_ASCII));
        stream.getOutputStream().flush();
        stream.setSoTimeout(2000);
        try {
            String head = readHead(stream.getInputStream());
            if (!head.startsWith("HTTP/1.1 200")) {
                stream.close();
                throw new IOException("GET refused: " + head.lines().findFirst().orElse(""));
            }
        } catch (SocketTimeoutException e) {
            // headers not flushed yet: the stream is open all the same
        }
        return stream;
    }

    private static final java.net.http.HttpClient JDK = java.net.http.HttpClient.newHttpClient();
    private static final List<Object> HELD = java.util.Collections.synchronizedList(new ArrayList<>());

    /** As {@link #open}, but every request goes through the JDK {@code HttpClient} (HTTP/2 upgrade offered). */
    private static void viaJdkClient(InetSocketAddress address, String path, java.net.URI url) throws IOException {
        String init = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"sessions-driver\",\"version\":\"1\"}}}";
        try {
            var r = JDK.send(
                    java.net.http.HttpRequest.newBuilder(url)
                            .header("Content-Type", "application/json")
                            .header("Accept", "application/json, text/event-stream")
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(init))
                            .build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            String sid = r.headers().firstValue("mcp-session-id").orElseThrow(() -> new IOException("no session"));
            JDK.send(
                    java.net.http.HttpRequest.newBuilder(url)
                            .header("Content-Type", "application/json")
                            .header("Accept", "application/json, text/event-stream")
                            .header("Mcp-Session-Id", sid)
                            .header("MCP-Protocol-Version", "2025-06-18")
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                    "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"))
                            .build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
            HELD.add(JDK.sendAsync(
                    java.net.http.HttpRequest.newBuilder(url)
                            .header("Accept", "text/event-stream")
                            .header("Mcp-Session-Id", sid)
                            .header("MCP-Protocol-Version", "2025-06-18")
                            .GET()
                            .build(),
                    java.net.http.HttpResponse.BodyHandlers.ofInputStream()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static Socket connect(InetSocketAddress address) throws IOException {
        Socket s = new Socket();
        s.connect(address, 10_000);
        s.setSoTimeout(30_000);
        return s;
    }

    private static String post(String path, String body, String sessionId) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + USER_AGENT
                + "Content-Type: application/json\r\nAccept: application/json, text/event-stream\r\n"
                + "MCP-Protocol-Version: 2025-06-18\r\n"
                + (sessionId == null ? "" : "Mcp-Session-Id: " + sessionId + "\r\n")
                + "Content-Length: " + bytes.length + "\r\n\r\n" + body;
    }

    /** Sends a request on a {@code Connection: close} socket and reads to the end; returns the head. */
    private static String exchange(Socket s, String request) throws IOException {
        OutputStream out = s.getOutputStream();
        out.write(request.getBytes(StandardCharsets.UTF_8));
        out.flush();
        InputStream in = s.getInputStream();
        String head = readHead(in);
        in.transferTo(OutputStream.nullOutputStream());
        return head;
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed in the response head");
            }
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static String header(String head, String name) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }
}
