package dev.jmcp.transport.http.servlet.internal;

import dev.jmcp.core.McpTransportException;
import dev.jmcp.core.jsonrpc.JsonRpcCodec;
import dev.jmcp.core.jsonrpc.JsonRpcMessage;
import dev.jmcp.core.transport.InboundContext;
import dev.jmcp.core.transport.OutboundContext;
import dev.jmcp.core.transport.Transport;
import dev.jmcp.core.transport.TransportListener;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The server side of one legacy HTTP+SSE (2024-11-05) connection: the GET stream carries an {@code endpoint}
 * event, then every server message as a {@code message} event; the client posts to the endpoint. The connection
 * is bound to the caller that opened it ({@link #owner()}), like a Streamable HTTP session. A failed write closes
 * it, so a dead connection leaves the registry at the latest at the next keep-alive.
 */
public final class LegacySseTransport implements Transport {
    private final String id;
    private final AsyncWriter writer;
    private final JsonRpcCodec codec;
    private final String owner;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean hookRan = new AtomicBoolean();
    private final Object deliveryLock = new Object();
    private volatile TransportListener listener;
    private volatile Runnable onClosed;

    /**
     * A connection on {@code writer}; nothing is written until {@link #open}.
     *
     * @param owner the binding of the caller that opened it ({@link SessionOwner#binding()}), null when
     *     unauthenticated
     */
    public LegacySseTransport(String id, AsyncWriter writer, JsonRpcCodec codec, String owner) {
        this.id = id;
        this.writer = writer;
        this.codec = codec;
        this.owner = owner;
        writer.onClosed((w, clean) -> close());
    }

    /** The connection id (the {@code sessionId} query parameter). */
    public String id() {
        return id;
    }

    /** The binding of the caller that opened the connection, or null for an unauthenticated one. */
    public String owner() {
        return owner;
    }

    /** Runs {@code hook} once on close; at once when the connection already closed. */
    public void onClosed(Runnable hook) {
        this.onClosed = hook;
        if (closed.get()) {
            runHook();
        }
    }

    /** Starts the SSE stream and announces {@code endpoint}; a failed write closes the connection. */
    public void open(String endpoint) {
        writer.begin(200, "text/event-stream");
        if (!writer.write(SseFormat.event(null, "endpoint", endpoint)) || !writer.isOpen()) {
            close();
        }
    }

    /** Keeps an idle connection alive, and closes a dead one. */
    public void keepAlive() {
        if (!writer.write(SseFormat.comment("keep-alive"))) {
            close();
        }
    }

    @Override
    public void start(TransportListener listener) {
        this.listener = listener;
    }

    /** Delivers posted messages. */
    public void accept(List<JsonRpcMessage> messages, InboundContext context) {
        TransportListener l = listener;
        if (l == null) {
            return;
        }
        synchronized (deliveryLock) {
            for (JsonRpcMessage m : messages) {
                l.onMessage(m, context);
            }
        }
    }

    @Override
    public CompletableFuture<Void> send(JsonRpcMessage message, OutboundContext context) {
        if (closed.get()) {
            return CompletableFuture.failedFuture(new McpTransportException("SSE connection is closed"));
        }
        String json = new String(codec.encode(message), StandardCharsets.UTF_8);
        if (!writer.write(SseFormat.event(null, "message", json))) {
            close();
            return CompletableFuture.failedFuture(new McpTransportException("SSE connection is closed"));
        }
        return CompletableFuture.completedFuture(null);
    }

    /** Whether the connection closed. */
    public boolean isClosed() {
        return closed.get();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        writer.complete();
        runHook();
        TransportListener l = listener;
        if (l != null) {
            l.onClose(null);
        }
    }

    private void runHook() {
        Runnable hook = onClosed;
        if (hook != null && hookRan.compareAndSet(false, true)) {
            hook.run();
        }
    }
}
