package dev.jmcp.transport.http;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One raw HTTP/1.1 exchange ({@code Connection: close}) on a socket whose response is read as server-sent events, for tests that must drop a
 * connection at a chosen point ({@link #reset()} sends a TCP reset) or read a stream slowly.
 */
final class RawSse implements Closeable {
    private final Socket socket;
    private final InputStream in;
    private final int status;
    private final Map<String, String> headers = new LinkedHashMap<>();

    /** One server-sent event: its id (null if none), and its data lines joined with newlines. */
    record Event(String id, String data) {}

    private RawSse(Socket socket, int status, InputStream in) {
        this.socket = socket;
        this.status = status;
        this.in = in;
    }

    /** Sends {@code method} to {@code uri} with {@code headers} and {@code body} (may be null); reads the head. */
    static RawSse open(URI uri, String method, Map<String, String> headers, String body) throws IOException {
        return open(uri, method, headers, body, 0);
    }

    /** Like {@link #open(URI, String, Map, String)} with a small receive buffer (a reader that stalls). */
    static RawSse open(URI uri, String method, Map<String, String> headers, String body, int receiveBuffer)
            throws IOException {
        Socket socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.connect(new java.net.InetSocketAddress(uri.getHost(), uri.getPort()), 5_000);
        socket.setSoTimeout(10_000);
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder();
        sb.append(method).append(' ').append(uri.getRawPath()).append(" HTTP/1.1\r\n");
        sb.append("Connection: close\r\n");
        sb.append("Host: ")
                .append(uri.getHost())
                .append(':')
                .append(uri.getPort())
                .append("\r\n");
        headers.forEach((k, v) -> sb.append(k).append(": ").append(v).append("\r\n"));
        if (body != null) {
            sb.append("Content-Type: application/json\r\n");
            sb.append("Content-Length: ").append(bytes.length).append("\r\n");
        }
        sb.append("\r\n");
        socket.getOutputStream().write(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
        InputStream in = new BufferedInputStream(socket.getInputStream());
        String statusLine = line(in);
        if (statusLine == null) {
            socket.close();
            throw new IOException("no response");
        }
        RawSse sse = new RawSse(socket, Integer.parseInt(statusLine.split(" ")[1]), in);
        String h;
        while ((h = line(in)) != null && !h.isEmpty()) {
            int colon = h.indexOf(':');
            sse.headers.put(
                    h.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    h.substring(colon + 1).trim());
        }
        if ("chunked".equalsIgnoreCase(sse.headers.get("transfer-encoding"))) {
            return new RawSse(socket, sse.status, new BufferedInputStream(new Chunked(in)), sse.headers);
        }
        return sse;
    }

    private RawSse(Socket socket, int status, InputStream in, Map<String, String> headers) {
        this(socket, status, in);
        this.headers.putAll(headers);
    }

    /** Decodes a chunked body. */
    private static final class Chunked extends InputStream {
        private final InputStream in;
        private long left;
        private boolean done;

        Chunked(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (done) {
                return -1;
            }
            if (left == 0) {
                String size = line(in);
                if (size != null && size.isEmpty()) {
                    size = line(in); // the CRLF after the previous chunk
                }
                if (size == null) {
                    done = true;
                    return -1;
                }
                int semi = size.indexOf(';');
                left = Long.parseLong((semi >= 0 ? size.substring(0, semi) : size).trim(), 16);
                if (left == 0) {
                    done = true;
                    return -1;
                }
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n < 0) {
                done = true;
                return -1;
            }
            left -= n;
            return n;
        }

        @Override
        public int available() throws IOException {
            return done ? 0 : (int) Math.min(in.available(), left);
        }
    }

    int status() {
        return status;
    }

    String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** The next complete event, or null at the end of the stream. Comments and retry-only blocks are skipped. */
    Event next() throws IOException {
        String id = null;
        StringBuilder data = null;
        String line;
        while ((line = line(in)) != null) {
            if (line.isEmpty()) {
                if (id != null || data != null) {
                    return new Event(id, data == null ? "" : data.toString());
                }
                continue;
            }
            if (line.startsWith("id:")) {
                id = line.substring(3).strip();
            } else if (line.startsWith("data:")) {
                String d = line.substring(5);
                d = d.startsWith(" ") ? d.substring(1) : d;
                data = data == null ? new StringBuilder(d) : data.append('\n').append(d);
            }
        }
        return null;
    }

    /** Reads and discards up to {@code bytes} bytes (to drop a connection in the middle of an event). */
    void skip(int bytes) throws IOException {
        for (int i = 0; i < bytes && in.available() > 0; i++) {
            if (in.read() < 0) {
                return;
            }
        }
    }

    /** The rest of the body as text (until the server closes). */
    String rest() throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    /** Drops the connection with a TCP reset. */
    void reset() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                byte[] b = out.toByteArray();
                int len = b.length > 0 && b[b.length - 1] == '\r' ? b.length - 1 : b.length;
                return new String(b, 0, len, StandardCharsets.UTF_8);
            }
            out.write(c);
        }
        return out.size() > 0 ? out.toString(StandardCharsets.UTF_8) : null;
    }
}
