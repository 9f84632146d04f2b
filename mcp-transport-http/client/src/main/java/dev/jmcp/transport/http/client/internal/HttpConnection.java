package dev.jmcp.transport.http.client.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * One HTTP/1.1 connection of the built-in engine: writes a POST in one piece, parses the status line and headers
 * (at most {@value #MAX_HEAD_BYTES} bytes), and hands the body out as a stream framed by {@code Content-Length},
 * chunked encoding, or the end of the connection. A body read to its end returns the connection to its pool;
 * closing a body before its end closes the connection.
 */
final class HttpConnection implements Closeable {
    /** The most bytes of a response's status line and headers. */
    static final int MAX_HEAD_BYTES = 64 * 1024;

    private static final int MAX_CHUNK_LINE = 1024;

    /** The largest body {@code readNBytes} reads into one array of its announced length at once. */
    private static final int EXACT_READ_MAX = 64 * 1024;

    /** The first array {@code readNBytes} reads a body of unknown length into (it doubles as needed). */
    private static final int FIRST_READ = 1024;

    /** The connection ended before any byte of an answer: the request may be sent again on a new connection. */
    static final class ClosedBeforeAnswerException extends IOException {
        private static final long serialVersionUID = 1L;

        ClosedBeforeAnswerException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Socket socket;
    /** The read timeout last set on the socket (a new socket has none). */
    private int readTimeoutMillis;

    private final InputStream in;
    private final OutputStream out;
    private final Consumer<HttpConnection> release;
    private final Consumer<HttpConnection> onClose;
    private final byte[] buf = new byte[8192];
    private int pos;
    private int limit;
    private byte[] request = new byte[1024];
    private long idleSince;
    private volatile boolean closed;

    HttpConnection(Socket socket, Consumer<HttpConnection> release, Consumer<HttpConnection> onClose)
            throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.release = release;
        this.onClose = onClose;
    }

    long idleSince() {
        return idleSince;
    }

    boolean isUsable() {
        return !closed && !socket.isClosed();
    }

    /** Sends the POST and reads the response head; the body stays to be read from the answer. */
    PostResponse exchange(URI endpoint, HeaderList headers, byte[] body, int timeoutMillis) throws IOException {
        int n = writeHead(endpoint, headers, body.length);
        try {
            if (n + body.length <= request.length) {
                System.arraycopy(body, 0, request, n, body.length);
                out.write(request, 0, n + body.length);
            } else {
                out.write(request, 0, n);
                out.write(body);
            }
            out.flush();
        } catch (SocketException e) {
            throw new ClosedBeforeAnswerException("the connection was closed: " + e.getMessage(), e);
        }
        readTimeout(timeoutMillis);
        Answer answer;
        do {
            answer = readHead();
        } while (answer.status >= 100 && answer.status < 200 && answer.status != 101);
        if (answer.eventStream()) {
            readTimeout(0); // a stream stays open as long as the server has events; closing it ends it
        }
        answer.body = bodyOf(answer);
        return answer;
    }

    /** Sets the socket's read timeout when it differs from the one set last (most exchanges keep it). */
    private void readTimeout(int millis) throws SocketException {
        if (millis != readTimeoutMillis) {
            socket.setSoTimeout(millis);
            readTimeoutMillis = millis;
        }
    }

    private int writeHead(URI endpoint, HeaderList headers, int contentLength) {
        int n = 0;
        n = put(n, "POST ");
        String path = endpoint.getRawPath();
        n = put(n, path == null || path.isEmpty() ? "/" : path);
        if (endpoint.getRawQuery() != null) {
            n = put(n, "?");
            n = put(n, endpoint.getRawQuery());
        }
        n = put(n, " HTTP/1.1\r\nHost: ");
        n = put(n, endpoint.getRawAuthority());
        n = put(n, "\r\n");
        for (int i = 0; i < headers.size(); i++) {
            String name = headers.name(i);
            checkName(name);
            n = put(n, name);
            n = put(n, ": ");
            n = putValue(n, headers.value(i));
            n = put(n, "\r\n");
        }
        n = put(n, "Content-Length: ");
        n = put(n, Integer.toString(contentLength));
        return put(n, "\r\n\r\n");
    }

    private static void checkName(String name) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("empty header name");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= ' ' || c >= 127 || c == ':') {
                throw new IllegalArgumentException("invalid header name: " + name);
            }
        }
        switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "host", "content-length", "connection", "transfer-encoding", "expect", "upgrade" ->
                throw new IllegalArgumentException("restricted header name: \"" + name + "\"");
            default -> {
                // allowed
            }
        }
    }

    private int put(int n, String s) {
        int len = s.length();
        ensure(n + len);
        for (int i = 0; i < len; i++) {
            request[n + i] = (byte) s.charAt(i);
        }
        return n + len;
    }

    private int putValue(int n, String value) {
        int len = value.length();
        ensure(n + len);
        for (int i = 0; i < len; i++) {
            char c = value.charAt(i);
            if ((c < ' ' && c != '\t') || c == 127 || c > 255) {
                throw new IllegalArgumentException("invalid character in header value");
            }
            request[n + i] = (byte) c;
        }
        return n + len;
    }

    private void ensure(int size) {
        if (size > request.length) {
            request = Arrays.copyOf(request, Math.max(size, request.length * 2));
        }
    }

    private Answer readHead() throws IOException {
        int budget = MAX_HEAD_BYTES;
        String statusLine;
        try {
            if (pos == limit && fill() < 0) {
                throw new ClosedBeforeAnswerException("the server closed the connection without an answer", null);
            }
        } catch (SocketException e) {
            throw new ClosedBeforeAnswerException("the connection was closed: " + e.getMessage(), e);
        }
        statusLine = readLine(budget);
        budget -= statusLine.length() + 2;
        if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
            throw new IOException("not an HTTP/1.1 status line: " + abbreviate(statusLine));
        }
        int status;
        try {
            status = Integer.parseInt(statusLine.substring(9, 12));
        } catch (NumberFormatException e) {
            throw new IOException("invalid status line: " + abbreviate(statusLine), e);
        }
        Answer a = new Answer(status, statusLine.charAt(7) == '0');
        while (true) {
            String line = readLine(budget);
            budget -= line.length() + 2;
            if (line.isEmpty()) {
                return a;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IOException("invalid header line: " + abbreviate(line));
            }
            a.headers.add(line.substring(0, colon).trim());
            a.headers.add(line.substring(colon + 1).trim());
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "...";
    }

    /** Reads one line ending in CRLF (or LF), of at most {@code max} bytes, as ISO-8859-1. */
    private String readLine(int max) throws IOException {
        StringBuilder sb = null;
        while (true) {
            if (pos == limit && fill() < 0) {
                throw new IOException("the connection ended in the middle of the response head");
            }
            int start = pos;
            while (pos < limit && buf[pos] != '\n') {
                pos++;
            }
            int end = pos;
            boolean found = pos < limit;
            if (found) {
                pos++;
            }
            int len = end - start;
            if ((sb == null ? 0 : sb.length()) + len > max) {
                throw new IOException("the response head exceeds " + MAX_HEAD_BYTES + " bytes");
            }
            if (found && sb == null) {
                int e = len > 0 && buf[end - 1] == '\r' ? end - 1 : end;
                return new String(buf, 0, start, e - start);
            }
            if (sb == null) {
                sb = new StringBuilder(len * 2);
            }
            for (int i = start; i < end; i++) {
                sb.append((char) (buf[i] & 0xff));
            }
            if (found) {
                if (sb.length() > 0 && sb.charAt(sb.length() - 1) == '\r') {
                    sb.setLength(sb.length() - 1);
                }
                return sb.toString();
            }
        }
    }

    private int fill() throws IOException {
        int n = in.read(buf, 0, buf.length);
        if (n > 0) {
            pos = 0;
            limit = n;
        }
        return n;
    }

    private InputStream bodyOf(Answer a) throws IOException {
        boolean reusable = !a.http10 && !"close".equalsIgnoreCase(a.header("Connection"));
        if (a.status == 204 || a.status == 304) {
            return finished(reusable);
        }
        String te = a.header("Transfer-Encoding");
        if (te != null && te.toLowerCase(java.util.Locale.ROOT).contains("chunked")) {
            return new Body(-1, true, reusable);
        }
        String cl = a.header("Content-Length");
        if (cl != null) {
            long length;
            try {
                length = Long.parseLong(cl.trim());
            } catch (NumberFormatException e) {
                throw new IOException("invalid Content-Length: " + abbreviate(cl), e);
            }
            if (length < 0) {
                throw new IOException("invalid Content-Length: " + cl);
            }
            return length == 0 ? finished(reusable) : new Body(length, false, reusable);
        }
        return new Body(-1, false, false); // until the server closes the connection
    }

    private InputStream finished(boolean reusable) {
        done(reusable);
        return InputStream.nullInputStream();
    }

    /** The answer ended: back to the pool, or closed. */
    private void done(boolean reusable) {
        if (reusable && !closed) {
            idleSince = System.nanoTime();
            release.accept(this);
        } else {
            close();
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            socket.close();
        } catch (IOException e) {
            // ignored
        }
        onClose.accept(this);
    }

    /** The response: status, headers, body. */
    private static final class Answer implements PostResponse {
        final int status;
        final boolean http10;
        final List<String> headers = new ArrayList<>(16);
        InputStream body;

        Answer(int status, boolean http10) {
            this.status = status;
            this.http10 = http10;
        }

        boolean eventStream() {
            String ct = header("Content-Type");
            return ct != null && ct.regionMatches(true, 0, "text/event-stream", 0, 17);
        }

        @Override
        public int statusCode() {
            return status;
        }

        @Override
        public String header(String name) {
            for (int i = 0; i < headers.size(); i += 2) {
                if (headers.get(i).equalsIgnoreCase(name)) {
                    return headers.get(i + 1);
                }
            }
            return null;
        }

        @Override
        public List<String> headers(String name) {
            List<String> values = new ArrayList<>(1);
            for (int i = 0; i < headers.size(); i += 2) {
                if (headers.get(i).equalsIgnoreCase(name)) {
                    values.add(headers.get(i + 1));
                }
            }
            return values;
        }

        @Override
        public InputStream body() {
            return body;
        }
    }

    /** A response body: fixed length, chunked, or until the connection ends. */
    private final class Body extends InputStream {
        private final boolean chunked;
        private final boolean reusable;
        /** Bytes left in the body (fixed length) or in the current chunk; -1: until close, or no chunk yet. */
        private long remaining;

        private boolean ended;
        private boolean released;
        private boolean chunkEndDue;
        private final byte[] one = new byte[1];

        Body(long length, boolean chunked, boolean reusable) {
            this.remaining = length;
            this.chunked = chunked;
            this.reusable = reusable;
        }

        @Override
        public int read() throws IOException {
            int n = read(one, 0, 1);
            while (n == 0) {
                n = read(one, 0, 1);
            }
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (released) {
                if (ended) {
                    return -1;
                }
                throw new IOException("stream closed");
            }
            if (len == 0) {
                return 0;
            }
            if (ended) {
                return -1;
            }
            if (chunked && remaining <= 0 && !nextChunk()) {
                end();
                return -1;
            }
            if (pos == limit) {
                if (fill() < 0) {
                    if (remaining < 0 && !chunked) {
                        end();
                        return -1;
                    }
                    throw new IOException("the connection ended before the end of the response body");
                }
            }
            int n = Math.min(len, limit - pos);
            if (remaining >= 0) {
                n = (int) Math.min(n, remaining);
            }
            System.arraycopy(buf, pos, b, off, n);
            pos += n;
            if (remaining >= 0) {
                remaining -= n;
                if (remaining == 0 && !chunked) {
                    end();
                } else if (remaining == 0) {
                    chunkEndDue = true; // read with the next chunk's size: servers often send it only then
                }
            }
            return n;
        }

        /**
         * Reads up to {@code len} bytes into an array sized by what the body holds: its length when known (up to
         * {@link #EXACT_READ_MAX}), else a small array that doubles as the body grows. {@link InputStream}'s own
         * version starts with a 16 KiB scratch array and copies out of it: for a JSON answer of a few hundred bytes
         * that was most of all the client allocated per call.
         */
        @Override
        public byte[] readNBytes(int len) throws IOException {
            if (len < 0) {
                throw new IllegalArgumentException("len < 0");
            }
            long known = !chunked && remaining >= 0 && !ended ? remaining : -1;
            byte[] out = new byte[(int) Math.min(len, known >= 0 ? Math.min(known, EXACT_READ_MAX) : FIRST_READ)];
            int total = 0;
            while (total < len) {
                if (total == out.length) {
                    if (ended) {
                        break; // a body of known length ends exactly where the array does
                    }
                    out = Arrays.copyOf(out, (int) Math.min(len, Math.max(FIRST_READ, out.length * 2L)));
                }
                int n = read(out, total, out.length - total);
                if (n < 0) {
                    break;
                }
                total += n;
            }
            return total == out.length ? out : Arrays.copyOf(out, total);
        }

        @Override
        public int available() {
            if (released || ended) {
                return 0;
            }
            int buffered = limit - pos;
            return remaining >= 0 ? (int) Math.min(buffered, remaining) : chunked ? 0 : buffered;
        }

        private boolean nextChunk() throws IOException {
            if (chunkEndDue) {
                chunkEndDue = false;
                if (!readLine(2).isEmpty()) {
                    throw new IOException("invalid chunk end");
                }
            }
            String line = readLine(MAX_CHUNK_LINE);
            int semi = line.indexOf(';');
            String hex = (semi >= 0 ? line.substring(0, semi) : line).trim();
            long size;
            try {
                size = Long.parseLong(hex, 16);
            } catch (NumberFormatException e) {
                throw new IOException("invalid chunk size: " + abbreviate(line), e);
            }
            if (size < 0) {
                throw new IOException("invalid chunk size: " + abbreviate(line));
            }
            if (size == 0) {
                int budget = MAX_HEAD_BYTES;
                while (true) { // trailers, then the empty line
                    String trailer = readLine(budget);
                    budget -= trailer.length() + 2;
                    if (trailer.isEmpty()) {
                        return false;
                    }
                }
            }
            remaining = size;
            return true;
        }

        private void end() {
            ended = true;
            if (!released) {
                released = true;
                done(reusable);
            }
        }

        @Override
        public void close() {
            if (!released) {
                released = true;
                HttpConnection.this.close();
            }
        }
    }
}
