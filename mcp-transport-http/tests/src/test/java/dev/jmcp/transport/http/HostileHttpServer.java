package dev.jmcp.transport.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A raw-socket HTTP/1.1 server on 127.0.0.1 for tests of a client against a hostile peer: each path answers with a
 * {@link Behavior} that writes whatever bytes it likes (endless lines, gigabyte bodies, drips). Every connection
 * is closed, and its thread ends, when the server closes; a behavior stops as soon as the client disconnects.
 */
public final class HostileHttpServer implements AutoCloseable {
    /** Writes a raw response for one request. */
    @FunctionalInterface
    public interface Behavior {
        /** Writes the response; an {@link IOException} (the client went away) ends it. */
        void respond(Request request, OutputStream out) throws IOException, InterruptedException;
    }

    /**
     * One request head.
     *
     * @param method the method
     * @param path the path with query
     * @param head the whole head (request line and headers)
     */
    public record Request(String method, String path, String head) {
        /** Whether the head carries the header (name case-insensitive). */
        public boolean hasHeader(String name) {
            return header(name) != null;
        }

        /** The first value of a header, or null. */
        public String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }
    }

    private final ServerSocket socket;
    private final Map<String, Behavior> routes = new ConcurrentHashMap<>();
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile boolean closed;

    /** Starts listening on 127.0.0.1 and a free port. */
    public HostileHttpServer() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::acceptLoop, "hostile-http-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** {@code http://127.0.0.1:<port>} */
    public String url() {
        return "http://127.0.0.1:" + socket.getLocalPort();
    }

    /** {@code url() + path} as a URI. */
    public URI uri(String path) {
        return URI.create(url() + path);
    }

    /** Answers requests for {@code path} (without query) with {@code behavior}; others get 404. */
    public HostileHttpServer route(String path, Behavior behavior) {
        routes.put(path, behavior);
        return this;
    }

    /** Every request seen so far. */
    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** How many requests asked for {@code path}. */
    public long count(String path) {
        return requests().stream().filter(r -> r.path().equals(path)).count();
    }

    /** The status line and headers of a response, ended by the blank line. */
    public static byte[] head(int status, String... headers) {
        StringBuilder sb = new StringBuilder("HTTP/1.1 ").append(status).append(" X\r\n");
        for (String h : headers) {
            sb.append(h).append("\r\n");
        }
        return sb.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A complete response with a body and its length. */
    public static Behavior fixed(int status, String contentType, String body) {
        return (req, out) -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            out.write(head(status, "Content-Type: " + contentType, "Content-Length: " + bytes.length));
            out.write(bytes);
            out.flush();
        };
    }

    /**
     * Writes {@code prefix}, then {@code filler} over and over until {@code total} bytes are written or the client
     * goes away; declares {@code Content-Length} when {@code declareLength}, else closes the connection at the end.
     */
    public static Behavior endless(String contentType, String prefix, char filler, long total, boolean declareLength) {
        return endless(contentType, prefix, filler, total, declareLength, new java.util.concurrent.atomic.AtomicLong());
    }

    /** {@link #endless(String, String, char, long, boolean)} adding every byte written to {@code written}. */
    public static Behavior endless(
            String contentType,
            String prefix,
            char filler,
            long total,
            boolean declareLength,
            java.util.concurrent.atomic.AtomicLong written) {
        return (req, out) -> {
            out.write(
                    declareLength
                            ? head(200, "Content-Type: " + contentType, "Content-Length: " + total)
                            : head(200, "Content-Type: " + contentType, "Connection: close"));
            byte[] start = prefix.getBytes(StandardCharsets.UTF_8);
            out.write(start);
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) filler);
            long sent = start.length;
            written.addAndGet(sent);
            while (sent < total) {
                int n = (int) Math.min(chunk.length, total - sent);
                out.write(chunk, 0, n);
                sent += n;
                written.addAndGet(n);
            }
            out.flush();
        };
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = socket.accept();
                open.add(s);
                Thread t = new Thread(() -> serve(s), "hostile-http-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            s.setSoTimeout(15_000);
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            while (!closed) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                String[] line = head.substring(0, head.indexOf("\r\n")).split(" ");
                Request req = new Request(line[0], line.length > 1 ? line[1] : "/", head);
                requests.add(req);
                skipBody(in, req);
                String path = req.path().contains("?")
                        ? req.path().substring(0, req.path().indexOf('?'))
                        : req.path();
                Behavior b = routes.get(path);
                if (b == null) {
                    fixed(404, "text/plain", "not found").respond(req, out);
                } else {
                    b.respond(req, out);
                }
                out.flush();
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            // the client went away, or the server closed
        } finally {
            open.remove(s);
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int matched = 0;
        int c;
        while ((c = in.read()) >= 0) {
            buf.write(c);
            matched = (c == '\r' && (matched == 0 || matched == 2)) || (c == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1
                    : 0;
            if (matched == 4) {
                return buf.toString(StandardCharsets.ISO_8859_1);
            }
            if (buf.size() > 64 * 1024) {
                throw new IOException("request head too large");
            }
        }
        return null;
    }

    private static void skipBody(InputStream in, Request req) throws IOException {
        String length = req.header("Content-Length");
        if (length != null) {
            in.readNBytes(Integer.parseInt(length.trim()));
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            socket.close();
        } catch (IOException e) {
            // ignored
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException e) {
                // ignored
            }
        }
        try {
            acceptor.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
