package dev.jmcp.core.testing;

import dev.jmcp.core.McpTransportException;
import dev.jmcp.core.internal.SerialExecutor;
import dev.jmcp.core.jsonrpc.JsonRpcCodec;
import dev.jmcp.core.jsonrpc.JsonRpcCodecException;
import dev.jmcp.core.jsonrpc.JsonRpcMessage;
import dev.jmcp.core.session.HandlerExecutors;
import dev.jmcp.core.transport.InboundContext;
import dev.jmcp.core.transport.OutboundContext;
import dev.jmcp.core.transport.Transport;
import dev.jmcp.core.transport.TransportListener;
import dev.jmcp.core.transport.TransportMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;

/**
 * Two transports linked in one JVM, for testing servers and clients without sockets. Every message is
 * encoded and decoded with the real codec on its way across, so what arrives is what a wire would carry.
 *
 * <pre>{@code
 * InMemoryTransport.Pair pair = InMemoryTransport.linkedPair();
 * server.connect(pair.serverSide());
 * McpClient client = McpClient.builder().transport(pair.clientSide()).build();
 * }</pre>
 */
public final class InMemoryTransport implements Transport {
    private final String name;
    private final JsonRpcCodec codec;
    private final SerialExecutor inbox = new SerialExecutor(HandlerExecutors.delivery());
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Closed by its own owner: frames still queued are dropped. A peer's close lets them arrive first. */
    private volatile boolean closedLocally;

    private volatile InMemoryTransport peer;
    private volatile TransportListener listener;
    private volatile InboundContext inboundContext = InboundContext.of(TransportMetadata.of("in-memory"));
    private volatile UnaryOperator<byte[]> outboundFilter = UnaryOperator.identity();
    private final List<byte[]> early = new ArrayList<>();

    private InMemoryTransport(String name, JsonRpcCodec codec) {
        this.name = name;
        this.codec = codec;
    }

    /**
     * Two linked transports using the default codec.
     *
     * @return the two ends of one in-memory connection
     */
    public static Pair linkedPair() {
        return linkedPair(JsonRpcCodec.defaults());
    }

    /**
     * Two linked transports using the given codec (for example with small limits).
     *
     * @param codec the codec both ends use
     * @return the two ends of one in-memory connection
     */
    public static Pair linkedPair(JsonRpcCodec codec) {
        InMemoryTransport client = new InMemoryTransport("client", codec);
        InMemoryTransport server = new InMemoryTransport("server", codec);
        client.peer = server;
        server.peer = client;
        return new Pair(client, server);
    }

    /**
     * The context this side's listener receives with every message (e.g. an authenticated caller).
     *
     * @param context the inbound context, e.g. with an {@link dev.jmcp.core.transport.AuthInfo}
     * @return this transport
     */
    public InMemoryTransport withInboundContext(InboundContext context) {
        this.inboundContext = context;
        return this;
    }

    /**
     * Rewrites the bytes of each outbound frame; a test uses it to corrupt or inspect traffic.
     *
     * @param filter turns the encoded bytes of each frame into the bytes actually delivered
     * @return this transport
     */
    public InMemoryTransport withOutboundFilter(UnaryOperator<byte[]> filter) {
        this.outboundFilter = filter;
        return this;
    }

    /**
     * Delivers raw bytes to the peer as if they came off a wire (malformed input tests).
     *
     * @param frame the bytes to deliver, valid JSON-RPC or not
     */
    public void sendRaw(byte[] frame) {
        InMemoryTransport p = peer;
        if (closed.get() || p == null) {
            throw new McpTransportException("transport " + name + " is closed");
        }
        p.receive(frame);
    }

    @Override
    public void start(TransportListener listener) {
        List<byte[]> backlog;
        synchronized (early) {
            if (this.listener != null) {
                throw new IllegalStateException("already started");
            }
            this.listener = listener;
            backlog = new ArrayList<>(early);
            early.clear();
        }
        for (byte[] frame : backlog) {
            deliver(frame);
        }
    }

    @Override
    public CompletableFuture<Void> send(JsonRpcMessage message, OutboundContext context) {
        if (closed.get()) {
            return CompletableFuture.failedFuture(new McpTransportException("transport " + name + " is closed"));
        }
        byte[] frame;
        try {
            frame = outboundFilter.apply(codec.encode(message));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        if (frame == null) {
            return CompletableFuture.completedFuture(null);
        }
        peer.receive(frame);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void close() {
        closedLocally = true;
        shutdown();
    }

    private void shutdown() {
        if (closed.compareAndSet(false, true)) {
            InMemoryTransport p = peer;
            inbox.execute(this::notifyClose);
            if (p != null) {
                p.shutdown();
            }
        }
    }

    /**
     * Whether this side was closed.
     *
     * @return {@code true} if this side was closed
     */
    public boolean isClosed() {
        return closed.get();
    }

    private void receive(byte[] frame) {
        if (closedLocally) {
            return;
        }
        synchronized (early) {
            if (listener == null) {
                early.add(frame);
                return;
            }
        }
        deliver(frame);
    }

    private void deliver(byte[] frame) {
        inbox.execute(() -> {
            if (closedLocally) {
                return;
            }
            List<JsonRpcMessage> messages;
            try {
                messages = codec.decodeAll(frame);
            } catch (JsonRpcCodecException e) {
                listener.onInvalidMessage(e);
                return;
            }
            for (JsonRpcMessage m : messages) {
                listener.onMessage(m, inboundContext);
            }
        });
    }

    private void notifyClose() {
        TransportListener l = listener;
        if (l != null) {
            l.onClose(null);
        }
    }

    @Override
    public String toString() {
        return "InMemoryTransport[" + name + "]";
    }

    /**
     * A linked pair.
     *
     * @param clientSide the side a client uses
     * @param serverSide the side a server uses
     */
    public record Pair(InMemoryTransport clientSide, InMemoryTransport serverSide) {}
}
