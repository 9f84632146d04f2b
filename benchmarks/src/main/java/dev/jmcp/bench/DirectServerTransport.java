package dev.jmcp.bench;

import dev.jmcp.core.jsonrpc.JsonRpcCodec;
import dev.jmcp.core.jsonrpc.JsonRpcMessage;
import dev.jmcp.core.transport.InboundContext;
import dev.jmcp.core.transport.OutboundContext;
import dev.jmcp.core.transport.Transport;
import dev.jmcp.core.transport.TransportListener;
import dev.jmcp.core.transport.TransportMetadata;
import java.util.concurrent.CompletableFuture;

/**
 * A server-side transport driven synchronously by a benchmark: {@link #exchange} decodes a request frame, hands it
 * to the server in the caller's thread and returns the encoded answer the server sent back. With a server whose
 * handler executor runs tasks in the calling thread, a whole {@code tools/call} (decode, routing, validation, the
 * handler, encode) runs on one thread with no hand-off, so its cost can be measured without scheduling noise.
 */
final class DirectServerTransport implements Transport {
    private static final InboundContext CONTEXT = InboundContext.of(TransportMetadata.of("direct"));
    private final JsonRpcCodec codec = JsonRpcCodec.defaults();
    private TransportListener listener;
    private byte[] answer;

    @Override
    public void start(TransportListener listener) {
        this.listener = listener;
    }

    /** Delivers {@code frame} and returns the frame the server answered with, or null if it sent none. */
    byte[] exchange(byte[] frame) {
        answer = null;
        for (JsonRpcMessage m : codec.decodeAll(frame)) {
            listener.onMessage(m, CONTEXT);
        }
        return answer;
    }

    @Override
    public CompletableFuture<Void> send(JsonRpcMessage message, OutboundContext context) {
        answer = codec.encode(message);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void close() {
        TransportListener l = listener;
        if (l != null) {
            l.onClose(null);
        }
    }
}
