package dev.jmcp.core.transport;

import dev.jmcp.core.ErrorCodes;
import dev.jmcp.core.McpJson;
import dev.jmcp.core.McpTransportException;
import dev.jmcp.core.jsonrpc.JsonRpcCodecException;
import dev.jmcp.core.jsonrpc.JsonRpcError;
import dev.jmcp.core.jsonrpc.JsonRpcErrorResponse;
import dev.jmcp.core.jsonrpc.JsonRpcMessage;
import dev.jmcp.core.jsonrpc.JsonRpcNotification;
import dev.jmcp.core.jsonrpc.RequestId;
import dev.jmcp.core.protocol.McpMethods;
import dev.jmcp.core.protocol.notifications.CancelledNotification;
import java.util.concurrent.CompletableFuture;

/** Receives what a {@link Transport} reads. Called from the transport's threads, one call at a time. */
public interface TransportListener {

    /**
     * A message arrived.
     *
     * @param message the decoded message
     * @param context what the message belongs to (for HTTP: the stream of the request it relates to)
     */
    void onMessage(JsonRpcMessage message, InboundContext context);

    /**
     * Bytes arrived that are not a valid message. The session answers with {@link
     * JsonRpcCodecException#toErrorResponse()} where JSON-RPC calls for an answer.
     *
     * @param error the decoding failure, with the error to answer
     */
    void onInvalidMessage(JsonRpcCodecException error);

    /**
     * The answer to the outbound request {@code id} can no longer arrive, though the transport stays open (for
     * Streamable HTTP: the request's response stream ended and could not be resumed). A session fails that
     * request with {@code cause}; the default delivers a {@code -32000} error response for it instead.
     *
     * @param id the id of the outbound request
     * @param cause why the answer cannot arrive
     */
    default void onRequestAborted(RequestId id, McpTransportException cause) {
        onMessage(
                new JsonRpcErrorResponse(id, JsonRpcError.of(ErrorCodes.CONNECTION_CLOSED, cause.getMessage())),
                InboundContext.EMPTY);
    }

    /**
     * The peer withdrew its inbound request {@code id} by transport means (for Streamable HTTP in the 2026-07-28
     * era: it closed the request's response stream), as if it had sent {@code notifications/cancelled}. The
     * default delivers that notification, so transports never build protocol messages themselves.
     *
     * @param id the id of the inbound request
     * @param reason why, or null
     */
    default void onRequestCancelled(RequestId id, String reason) {
        onMessage(
                new JsonRpcNotification(
                        McpMethods.NOTIFICATION_CANCELLED, McpJson.toTree(CancelledNotification.of(id, reason))),
                InboundContext.EMPTY);
    }

    /**
     * The peer's input ended (stdio: end of stdin) while the transport can still send. The future completes once
     * every inbound request already received has been answered (or cancelled), so the transport can write those
     * answers before it closes; the transport bounds its wait. The default completes at once.
     *
     * @return completes when every inbound request already received has been answered or cancelled
     */
    default CompletableFuture<Void> onEndOfInput() {
        return CompletableFuture.completedFuture(null);
    }

    /**
     * The connection closed; {@code cause} is null for an orderly close. Called once.
     *
     * @param cause the failure, or null for an orderly close
     */
    void onClose(Throwable cause);
}
