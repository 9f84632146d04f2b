package dev.jmcp.core.transport;

import dev.jmcp.core.jsonrpc.JsonRpcCodecException;
import dev.jmcp.core.jsonrpc.JsonRpcMessage;

/** Receives what a {@link Transport} reads. Called from the transport's threads, one call at a time. */
public interface TransportListener {

    /** A message arrived. */
    void onMessage(JsonRpcMessage message, InboundContext context);

    /**
     * Bytes arrived that are not a valid message. The session answers with {@link
     * JsonRpcCodecException#toErrorResponse()} where JSON-RPC calls for an answer.
     */
    void onInvalidMessage(JsonRpcCodecException error);

    /** The connection closed; {@code cause} is null for an orderly close. Called once. */
    void onClose(Throwable cause);
}
