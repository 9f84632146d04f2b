package dev.jmcp.core.session;

import dev.jmcp.core.McpTransportException;
import dev.jmcp.core.jsonrpc.JsonRpcCodecException;
import dev.jmcp.core.jsonrpc.JsonRpcMessage;
import dev.jmcp.core.jsonrpc.RequestId;
import dev.jmcp.core.transport.InboundContext;
import dev.jmcp.core.transport.TransportListener;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What a session's transport tells it, passed on to the session on the transport's thread. */
final class SessionListener implements TransportListener {
    private static final Logger LOG = LoggerFactory.getLogger(McpSession.class);

    private final McpSession session;

    SessionListener(McpSession session) {
        this.session = session;
    }

    @Override
    public void onMessage(JsonRpcMessage message, InboundContext context) {
        try {
            session.onInbound(message, context == null ? InboundContext.EMPTY : context);
        } catch (RuntimeException e) {
            LOG.warn("{}: failed to process inbound message", session.name(), e);
        }
    }

    @Override
    public void onInvalidMessage(JsonRpcCodecException error) {
        session.onInvalidMessage(error);
    }

    @Override
    public void onRequestAborted(RequestId id, McpTransportException cause) {
        session.onRequestAborted(id, cause);
    }

    @Override
    public CompletableFuture<Void> onEndOfInput() {
        return session.inboundIdle();
    }

    @Override
    public void onClose(Throwable cause) {
        session.shutdown(cause, false);
    }
}
