package dev.jmcp.transport.http.client.internal;

import dev.jmcp.core.McpTransportException;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.jsonrpc.JsonRpcCodec;
import dev.jmcp.core.jsonrpc.JsonRpcErrorResponse;
import dev.jmcp.core.jsonrpc.JsonRpcMessage;
import dev.jmcp.core.jsonrpc.RequestId;
import dev.jmcp.core.session.HandlerExecutors;
import dev.jmcp.core.transport.InboundContext;
import dev.jmcp.core.transport.NetworkProtocol;
import dev.jmcp.core.transport.TransportListener;
import dev.jmcp.transport.http.client.HttpClientEngine;
import dev.jmcp.transport.http.common.McpHttpHeaders;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every exchange of one client transport shares: its settings and HTTP client, the listener, the session
 * state (session id, negotiated version), and the open streams and reader threads that closing ends.
 */
public final class ClientChannel {
    private static final Logger LOG = LoggerFactory.getLogger(ClientChannel.class);

    private final ClientSettings settings;
    private final HttpClient http;
    private final ExecutorService ownedExecutor;
    private final JsonRpcCodec codec;
    private final PostEngine engine;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean closeNotified = new AtomicBoolean();
    private final Object deliveryLock = new Object();
    private final Set<InputStream> openStreams = ConcurrentHashMap.newKeySet();
    private final Set<Thread> readers = ConcurrentHashMap.newKeySet();
    private volatile TransportListener listener;
    private volatile String sessionId;
    private volatile String expiredSession;
    private volatile ProtocolVersion protocolVersion;
    private volatile boolean established;
    /** The HTTP version of the latest response (a constant: reporting it allocates nothing). */
    private volatile NetworkProtocol protocol;

    /** A channel with the caller's HTTP client, or a new one on daemon threads that closing shuts down. */
    public ClientChannel(ClientSettings settings) {
        this.settings = settings;
        if (settings.httpClient() != null) {
            this.http = settings.httpClient();
            this.ownedExecutor = null;
        } else {
            AtomicInteger n = new AtomicInteger();
            this.ownedExecutor = Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "jmcp-http-client-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            this.http = HttpClient.newBuilder()
                    .connectTimeout(settings.connectTimeout())
                    .executor(ownedExecutor)
                    .followRedirects(HttpClient.Redirect.NEVER) // credentials never follow a redirect
                    .build();
        }
        this.codec = JsonRpcCodec.withLimits(settings.codecLimits());
        this.engine = settings.engine() == HttpClientEngine.JDK
                ? new JdkPostEngine(http)
                : new SocketPostEngine(settings.connectTimeout());
        this.protocol = settings.engine() == HttpClientEngine.JDK ? NetworkProtocol.HTTP : NetworkProtocol.HTTP_1_1;
    }

    /** The engine POSTs go through. */
    public PostEngine engine() {
        return engine;
    }

    /** The configuration. */
    public ClientSettings settings() {
        return settings;
    }

    /** The MCP endpoint. */
    public URI endpoint() {
        return settings.endpoint();
    }

    /** The HTTP client. */
    public HttpClient http() {
        return http;
    }

    /** The codec with the configured limits. */
    public JsonRpcCodec codec() {
        return codec;
    }

    /** Sets the listener once. */
    public void start(TransportListener l) {
        if (listener != null) {
            throw new IllegalStateException("already started");
        }
        this.listener = Objects.requireNonNull(l, "listener");
    }

    /** Whether the transport was closed (by the caller or because its legacy stream ended). */
    public boolean isClosed() {
        return closed.get();
    }

    /** Marks the transport closed; true for the first caller only. */
    public boolean markClosed() {
        return closed.compareAndSet(false, true);
    }

    /** The HTTP version of the latest response ({@link NetworkProtocol#HTTP} before the first with the JDK engine). */
    public NetworkProtocol protocol() {
        return protocol;
    }

    /** Remembers the HTTP version a response came over. */
    public void protocol(NetworkProtocol negotiated) {
        if (negotiated != protocol) {
            protocol = negotiated;
        }
    }

    /** The session id the server assigned, or null. */
    public String sessionId() {
        return sessionId;
    }

    /** Remembers the session id a response carried (a new session replaces an expired one). */
    public void sessionId(String id) {
        this.sessionId = id;
        if (id != null) {
            expiredSession = null;
        }
    }

    /**
     * The session the server answered 404 for, while no new session replaced it, else null. Until then only an
     * {@code initialize} may be sent: anything else would go without a session and be refused.
     */
    public String expiredSession() {
        return expiredSession;
    }

    /** The negotiated protocol revision, or null. */
    public ProtocolVersion protocolVersion() {
        return protocolVersion;
    }

    /** Sets the negotiated protocol revision. */
    public void protocolVersion(ProtocolVersion version) {
        this.protocolVersion = version;
    }

    /**
     * Whether a request outside the 2026-07-28 era was accepted (2xx) since the transport started or its
     * session expired: the handshake got through, so the session may open its standalone stream and a refusal is
     * no longer a reason to fall back to legacy HTTP+SSE.
     */
    public boolean established() {
        return established;
    }

    /** Records that a request outside the 2026-07-28 era was accepted (a new session, if one had expired). */
    public void markEstablished() {
        this.established = true;
        this.expiredSession = null;
    }

    /** Forgets the session, its version and its establishment if {@code expired} is still the current session. */
    public boolean expireSession(String expired) {
        if (expired == null || !expired.equals(sessionId)) {
            return false;
        }
        expiredSession = expired;
        sessionId = null;
        protocolVersion = null;
        established = false;
        return true;
    }

    /** Adds the configured, authorization, session and negotiated version headers. */
    public void addCommonHeaders(HttpRequest.Builder rb, String session) {
        addCommonHeaders(HeaderSink.of(rb), session);
    }

    /** Adds the configured, authorization, session and negotiated version headers. */
    public void addCommonHeaders(HeaderSink rb, String session) {
        settings.headers().forEach(rb::set);
        if (settings.authorizer() != null) {
            settings.authorizer().authorizationHeaders(endpoint()).forEach(rb::set);
        }
        if (session != null) {
            rb.set(McpHttpHeaders.SESSION_ID, session);
        }
        ProtocolVersion v = protocolVersion;
        if (v != null) {
            rb.set(McpHttpHeaders.PROTOCOL_VERSION, v.id());
        }
    }

    /** Hands an inbound message to the listener, one at a time. */
    public void deliver(JsonRpcMessage message) {
        TransportListener l = listener;
        if (l == null || closed.get()) {
            return;
        }
        synchronized (deliveryLock) {
            try {
                l.onMessage(message, InboundContext.EMPTY);
            } catch (RuntimeException e) {
                LOG.warn("listener failed", e);
            }
        }
    }

    /** Tells the listener that the answer to {@code id} cannot arrive any more. */
    public void abort(RequestId id, McpTransportException cause) {
        TransportListener l = listener;
        if (l == null || closed.get()) {
            return;
        }
        synchronized (deliveryLock) {
            try {
                l.onRequestAborted(id, cause);
            } catch (RuntimeException e) {
                LOG.warn("listener failed", e);
            }
        }
    }

    /** The error response a non-2xx body carries (with the request's id when it has none), or null. */
    public JsonRpcErrorResponse asErrorResponse(String text, RequestId requestId) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            JsonRpcMessage m = codec.decode(text);
            if (m instanceof JsonRpcErrorResponse e) {
                return e.id() == null && requestId != null ? new JsonRpcErrorResponse(requestId, e.error()) : e;
            }
        } catch (RuntimeException e) {
            // not JSON-RPC
        }
        return null;
    }

    /**
     * Where exchanges and response handling run: jmcp's delivery executor (a virtual thread per task on JDK 21+, a
     * pool of reused threads on 17), never {@code CompletableFuture}'s default executor.
     */
    public Executor workers() {
        return HandlerExecutors.delivery();
    }

    /** Runs a stream reader on its own thread, interrupted by {@link #closeStreams}. */
    public void startReader(String name, Runnable task) {
        Runnable wrapped = () -> {
            try {
                task.run();
            } finally {
                readers.remove(Thread.currentThread());
            }
        };
        Thread thread = HandlerExecutors.startThread(name, wrapped);
        if (thread.isAlive()) {
            readers.add(thread);
        }
    }

    /** Registers a stream being read, so closing the transport closes it. */
    public void track(InputStream in) {
        openStreams.add(in);
    }

    /** Unregisters a stream that ended. */
    public void untrack(InputStream in) {
        openStreams.remove(in);
    }

    /** Closes every open stream, interrupts the readers and shuts down a client of its own. */
    public void closeStreams() {
        for (InputStream in : openStreams) {
            try {
                in.close();
            } catch (IOException | RuntimeException e) {
                // ignored
            }
        }
        for (Thread t : readers) {
            t.interrupt();
        }
        engine.close();
        if (ownedExecutor != null) {
            ownedExecutor.shutdownNow();
            shutdownClient(http);
        }
    }

    /** Tells the listener the transport closed, once. */
    public void notifyClosed(Throwable cause) {
        if (!closeNotified.compareAndSet(false, true)) {
            return;
        }
        TransportListener l = listener;
        if (l != null) {
            l.onClose(cause);
        }
    }

    private static void shutdownClient(HttpClient client) {
        try {
            client.getClass().getMethod("shutdownNow").invoke(client);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // JDK 17: the client's selector thread ends when it is collected
        }
    }
}
