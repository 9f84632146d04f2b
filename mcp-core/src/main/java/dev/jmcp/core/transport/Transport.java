package dev.jmcp.core.transport;

import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.jsonrpc.JsonRpcMessage;
import java.util.concurrent.CompletableFuture;

/**
 * One connection between two MCP peers, carrying {@link JsonRpcMessage}s both ways. A transport frames bytes
 * and decodes them with the codec; it knows nothing of protocol types beyond the message envelope.
 *
 * <p>Life cycle: {@link #start} once with the listener that receives every inbound message, then
 * {@link #send} from any thread, then {@link #close}. After close, or after the peer goes away, the listener's
 * {@link TransportListener#onClose} is called exactly once.
 *
 * <p>Thread safety: {@code send} may be called concurrently; implementations keep each message whole. The
 * listener is called from the transport's own threads, one message at a time, in arrival order.
 */
public interface Transport extends AutoCloseable {

    /**
     * Starts reading; every inbound message goes to {@code listener}. Called once.
     *
     * @param listener receives the inbound messages and the transport's events
     */
    void start(TransportListener listener);

    /**
     * Sends a message. The future completes when the message was handed to the connection, or fails with an
     * {@link dev.jmcp.core.McpTransportException}. Never blocks for longer than the transport's write timeout.
     *
     * @param context what the message belongs to (for HTTP: the stream of the request it relates to)
     * @param message the message to send
     * @return completes when the message was handed to the connection
     */
    CompletableFuture<Void> send(JsonRpcMessage message, OutboundContext context);

    /**
     * Sends a message that relates to no request.
     *
     * @param message the message to send
     * @return completes when the message was handed to the connection
     */
    default CompletableFuture<Void> send(JsonRpcMessage message) {
        return send(message, OutboundContext.NONE);
    }

    /**
     * Tells the transport which revision the session negotiated, for transports whose framing depends on it
     * (HTTP's {@code MCP-Protocol-Version} header). The default does nothing.
     *
     * @param version the negotiated protocol revision
     */
    default void setProtocolVersion(ProtocolVersion version) {}

    /**
     * Who the peer is, for what a client remembers about a server across connections (the protocol era it
     * speaks): the endpoint URI of an HTTP transport. Null (the default) when each transport reaches a peer of
     * its own, such as a process it starts.
     *
     * @return who the peer is, for what a client remembers about a server across connections (the protocol era it
     *     speaks)
     */
    default String peerIdentity() {
        return null;
    }

    /**
     * The id under which the session this transport carries is known beyond this connection (HTTP's {@code
     * Mcp-Session-Id}), so that a server sharing a session store can save it and another instance can resume it;
     * null (the default) when the transport has no such id (stdio, a stateless exchange).
     *
     * @return the id under which the session this transport carries is known beyond this connection (HTTP's
     *     {@code Mcp-Session-Id}), so that a server sharing a session store can save it and another instance can resume
     *     it
     */
    default String sessionId() {
        return null;
    }

    /**
     * The network transport and protocol this connection's messages travel over, as last negotiated (a client's HTTP
     * transport reports the version of its latest response), for tracing ({@code network.transport}, {@code
     * network.protocol.name}, {@code network.protocol.version}). A transport answers from its own framing, never from
     * message content. {@link NetworkProtocol#UNKNOWN} by default.
     *
     * @return the network protocol; never null
     */
    default NetworkProtocol networkProtocol() {
        return NetworkProtocol.UNKNOWN;
    }

    /**
     * Sends a server-wide notification (resource updated, list changed) that every instance of a scaled-out server
     * sends to its own copy of the session: a transport whose general channel (HTTP's GET stream) is connected to
     * another instance drops it, since that instance sends its own copy, so the client gets it once. The default,
     * for transports that are never shared between instances, is {@link #send(JsonRpcMessage)}.
     *
     * @param message the notification to send
     * @return completes when the message was handed over
     */
    default CompletableFuture<Void> sendFanOut(JsonRpcMessage message) {
        return send(message);
    }

    /**
     * The id the peer sees for a request this side sent with {@code id}: a transport that rewrites the ids of
     * outbound requests (a scaled-out HTTP servlet prefixes them with its instance id, so that any instance can route
     * the answer) returns the rewritten one, so that a {@code notifications/cancelled} for the request names the id
     * the peer knows. The default returns {@code id}.
     *
     * @param id the request's id in the session
     * @return the request's id on the wire
     */
    default dev.jmcp.core.jsonrpc.RequestId outboundRequestId(dev.jmcp.core.jsonrpc.RequestId id) {
        return id;
    }

    /** Closes the connection and releases its threads and resources. Idempotent. */
    @Override
    void close();
}
