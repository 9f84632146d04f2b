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
 * event, then every server message as a {@code message} event; the client posts to the endpoint.
 */
public final class LegacySseTransport implements Transport {
    private final String id;
    private final AsyncWriter writer;
    private final JsonRpcCodec codec;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Object deliveryLock = new Object();
    private volatile TransportListener listener;
    private volatile Runnable onClosed = () -> {};

    /** Opens the stream on {@code writer} and announces {@code endpoint}. */
    public LegacySseTransport(String id, AsyncWriter writer, JsonRpcCodec codec, String endpoint) {
        this.id = id;
        this.writer = writer;
        this.codec = codec;
        writer.onClosed((w, clean) -> close());
        writer.begin(200, "text/event-stream");
        writer.write(SseFormat.event(null, "endpoint", endpoint));
    }

    /** The connection id (the {@code sessionId} query parameter). */
    public String id() {
        return id;
    }

    /** Runs {@code hook} once on close. */
    public void onClosed(Runnable hook) {
        this.onClosed = hook;
    }

    /** Keeps an idle connection alive (and notices a dead one). */
    public void keepAlive() {
        writer.write(SseFormat.comment("keep-alive"));
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
            return CompletableFuture.failedFuture(new McpTransportException("SSE connection is closed"));
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        writer.complete();
        onClosed.run();
        TransportListener l = listener;
        if (l != null) {
            l.onClose(null);
        }
    }
}
