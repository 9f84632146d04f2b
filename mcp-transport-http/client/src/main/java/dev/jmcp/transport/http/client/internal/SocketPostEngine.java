package dev.jmcp.transport.http.client.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * The built-in engine: HTTP/1.1 POSTs on blocking sockets (cheap on virtual threads) with a keep-alive pool of
 * connections to the one endpoint of its transport. Bodies with {@code Content-Length}, chunked, or until close;
 * response headers at most {@value HttpConnection#MAX_HEAD_BYTES} bytes; redirects are answers like any other.
 * A connection is reused once its response body was read to its end; one idle for {@value #IDLE_MILLIS} ms is
 * closed rather than reused (servers close idle connections, Jetty after 30 s). A POST whose reused connection
 * turns out closed before any byte of an answer arrived is sent once more on a new connection.
 */
final class SocketPostEngine implements PostEngine {
    /** How long a connection may stay idle in the pool before it is closed instead of reused. */
    static final long IDLE_MILLIS = 15_000;
    /** The most idle connections kept. */
    static final int MAX_IDLE = 64;

    private final Duration connectTimeout;
    private final ConcurrentLinkedDeque<HttpConnection> idle = new ConcurrentLinkedDeque<>();
    private final Set<HttpConnection> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    SocketPostEngine(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    @Override
    public PostResponse post(URI endpoint, HeaderList headers, byte[] body, Duration timeout, StreamHandle handle)
            throws IOException {
        int timeoutMillis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
        HttpConnection c = pooled();
        boolean reused = c != null;
        if (c == null) {
            c = connect(endpoint);
        }
        handle.closeOnAbort(c);
        try {
            try {
                return c.exchange(endpoint, headers, body, timeoutMillis);
            } catch (HttpConnection.ClosedBeforeAnswerException e) {
                if (!reused || handle.aborted()) {
                    throw e;
                }
                c.close(); // a stale keep-alive connection: the server never saw this request
                c = connect(endpoint);
                handle.closeOnAbort(c);
                return c.exchange(endpoint, headers, body, timeoutMillis);
            }
        } catch (IOException | RuntimeException e) {
            c.close();
            throw e;
        } finally {
            handle.closeOnAbort(null);
        }
    }

    private HttpConnection pooled() {
        long now = System.nanoTime();
        HttpConnection c;
        while ((c = idle.pollFirst()) != null) {
            if (now - c.idleSince() < TimeUnit.MILLISECONDS.toNanos(IDLE_MILLIS) && c.isUsable()) {
                return c;
            }
            c.close();
        }
        return null;
    }

    private HttpConnection connect(URI endpoint) throws IOException {
        if (closed) {
            throw new IOException("transport is closed");
        }
        boolean tls = "https".equalsIgnoreCase(endpoint.getScheme());
        String host = endpoint.getHost();
        int port = endpoint.getPort() != -1 ? endpoint.getPort() : tls ? 443 : 80;
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), (int)
                    Math.min(Integer.MAX_VALUE, Math.max(1, connectTimeout.toMillis())));
            if (tls) {
                SSLSocket ssl = (SSLSocket)
                        ((SSLSocketFactory) SSLSocketFactory.getDefault()).createSocket(socket, host, port, true);
                SSLParameters params = ssl.getSSLParameters();
                params.setEndpointIdentificationAlgorithm("HTTPS");
                ssl.setSSLParameters(params);
                ssl.startHandshake();
                socket = ssl;
            }
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
        HttpConnection c = new HttpConnection(socket, this::release, open::remove);
        open.add(c);
        if (closed) {
            c.close();
            throw new IOException("transport is closed");
        }
        return c;
    }

    /** A connection whose answer was read to its end comes back here. */
    private void release(HttpConnection c) {
        if (closed || idle.size() >= MAX_IDLE) {
            c.close();
            return;
        }
        idle.addFirst(c);
        if (closed) {
            c.close();
        }
        closeExpired(c.idleSince());
    }

    /** Closes the connections idle for too long (the least recently used are at the tail). */
    private void closeExpired(long now) {
        HttpConnection oldest;
        while ((oldest = idle.peekLast()) != null
                && now - oldest.idleSince() >= TimeUnit.MILLISECONDS.toNanos(IDLE_MILLIS)) {
            if (idle.removeLastOccurrence(oldest)) {
                oldest.close();
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        for (HttpConnection c : open) {
            c.close();
        }
        idle.clear();
    }
}
