package dev.jmcp.transport.http;

import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.jsonrpc.JsonRpcMessage;
import dev.jmcp.core.jsonrpc.JsonRpcNotification;
import dev.jmcp.core.jsonrpc.JsonRpcRequest;
import dev.jmcp.core.transport.OutboundContext;
import dev.jmcp.core.transport.Transport;
import dev.jmcp.core.transport.TransportListener;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** A real client transport that records the method of every message the client hands it, in order. */
final class RecordingTransport implements Transport {
    private final Transport delegate;
    final List<String> sent = new CopyOnWriteArrayList<>();

    RecordingTransport(Transport delegate) {
        this.delegate = delegate;
    }

    @Override
    public void start(TransportListener listener) {
        delegate.start(listener);
    }

    @Override
    public CompletableFuture<Void> send(JsonRpcMessage message, OutboundContext context) {
        if (message instanceof JsonRpcRequest r) {
            sent.add(r.method());
        } else if (message instanceof JsonRpcNotification n) {
            sent.add(n.method());
        }
        return delegate.send(message, context);
    }

    @Override
    public void setProtocolVersion(ProtocolVersion version) {
        delegate.setProtocolVersion(version);
    }

    @Override
    public String peerIdentity() {
        return delegate.peerIdentity();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
