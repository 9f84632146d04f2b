package dev.jmcp.client.internal;

import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.jsonrpc.JsonRpcMessage;
import dev.jmcp.core.jsonrpc.JsonRpcRequest;
import dev.jmcp.core.jsonrpc.RequestId;
import dev.jmcp.core.transport.OutboundContext;
import dev.jmcp.core.transport.Transport;
import dev.jmcp.core.transport.TransportListener;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Passes everything through to the real transport, and tells who asked which id the session gave a request,
 * recognised by its params object (identity). The client needs the id of a {@code subscriptions/listen} request
 * to match the server's acknowledgement ({@code _meta} {@code io.modelcontextprotocol/subscriptionId}).
 */
final class OutboundProbe implements Transport {
    private final Transport delegate;
    private final Map<Object, Consumer<RequestId>> expected = Collections.synchronizedMap(new IdentityHashMap<>());

    OutboundProbe(Transport delegate) {
        this.delegate = delegate;
    }

    /** Calls {@code onId} with the id of the request sent with exactly this params object. */
    void expect(Object params, Consumer<RequestId> onId) {
        expected.put(params, onId);
    }

    /** Forgets an expectation (the request was not sent). */
    void forget(Object params) {
        expected.remove(params);
    }

    @Override
    public void start(TransportListener listener) {
        delegate.start(listener);
    }

    @Override
    public CompletableFuture<Void> send(JsonRpcMessage message, OutboundContext context) {
        if (message instanceof JsonRpcRequest r && r.params() != null && !expected.isEmpty()) {
            Consumer<RequestId> onId = expected.remove(r.params());
            if (onId != null) {
                onId.accept(r.id());
            }
        }
        return delegate.send(message, context);
    }

    @Override
    public void setProtocolVersion(ProtocolVersion version) {
        delegate.setProtocolVersion(version);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
