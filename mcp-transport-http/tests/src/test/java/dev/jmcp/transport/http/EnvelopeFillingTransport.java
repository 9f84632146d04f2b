package dev.jmcp.transport.http;

import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.jsonrpc.JsonRpcMessage;
import dev.jmcp.core.jsonrpc.JsonRpcNotification;
import dev.jmcp.core.jsonrpc.JsonRpcRequest;
import dev.jmcp.core.jsonrpc.RequestId;
import dev.jmcp.core.transport.MessageEnvelope;
import dev.jmcp.core.transport.OutboundContext;
import dev.jmcp.core.transport.Transport;
import dev.jmcp.core.transport.TransportListener;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;

/**
 * Stands in for the session side of the envelope contract in tests that drive a bare {@code McpSession}: a
 * 2026-07-28 request (its {@code _meta} names the version) is sent with an envelope of its method, name and
 * version, and {@code notifications/cancelled} is sent related to the request it cancels.
 */
final class EnvelopeFillingTransport implements Transport {
    private static final String META_VERSION = "io.modelcontextprotocol/protocolVersion";
    private final Transport delegate;

    EnvelopeFillingTransport(Transport delegate) {
        this.delegate = delegate;
    }

    @Override
    public void start(TransportListener listener) {
        delegate.start(listener);
    }

    @Override
    public CompletableFuture<Void> send(JsonRpcMessage message, OutboundContext context) {
        if (message instanceof JsonRpcRequest r && version(r.params()) != null) {
            JsonNode name = r.params().get("name");
            MessageEnvelope envelope = new MessageEnvelope(
                    r.method(), name == null ? null : name.asString(), version(r.params()), Map.of());
            return delegate.send(message, new OutboundContext(context.relatedRequestId(), envelope));
        }
        if (message instanceof JsonRpcNotification n
                && "notifications/cancelled".equals(n.method())
                && n.params() != null
                && n.params().path("requestId").isIntegralNumber()) {
            RequestId target = RequestId.of(n.params().get("requestId").longValue());
            return delegate.send(message, OutboundContext.relatedTo(target));
        }
        return delegate.send(message, context);
    }

    private static String version(JsonNode params) {
        JsonNode v = params == null ? null : params.path("_meta").get(META_VERSION);
        return v != null && v.isString() ? v.asString() : null;
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
