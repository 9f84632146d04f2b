package dev.jmcp.transport.stdio.internal;

import dev.jmcp.core.ErrorCodes;
import dev.jmcp.core.jsonrpc.JsonRpcCodec;
import dev.jmcp.core.jsonrpc.JsonRpcCodecException;
import dev.jmcp.core.jsonrpc.JsonRpcError;
import dev.jmcp.core.jsonrpc.JsonRpcMessage;
import dev.jmcp.core.transport.InboundContext;
import dev.jmcp.core.transport.NetworkProtocol;
import dev.jmcp.core.transport.TransportListener;
import dev.jmcp.core.transport.TransportMetadata;
import java.util.List;

/** Turns one line read from a stdio stream into listener calls. */
public final class Inbound {
    private static final InboundContext STDIO = InboundContext.of(TransportMetadata.of("stdio", NetworkProtocol.PIPE));

    private Inbound() {}

    /**
     * Decodes {@code line} (a message, or a batch delivered as its messages) and hands it to {@code listener};
     * a line that is not a valid message, or was too long, goes to {@link TransportListener#onInvalidMessage}.
     */
    public static void deliver(LineReader.Line line, JsonRpcCodec codec, TransportListener listener) {
        if (line.oversized()) {
            listener.onInvalidMessage(new JsonRpcCodecException(
                    JsonRpcError.of(
                            ErrorCodes.INVALID_REQUEST,
                            "message of " + line.length() + " bytes exceeds the limit of "
                                    + codec.limits().maxMessageBytes()),
                    null,
                    null));
            return;
        }
        List<JsonRpcMessage> messages;
        try {
            messages = codec.decodeAll(line.bytes());
        } catch (JsonRpcCodecException e) {
            listener.onInvalidMessage(e);
            return;
        }
        for (JsonRpcMessage m : messages) {
            listener.onMessage(m, STDIO);
        }
    }
}
