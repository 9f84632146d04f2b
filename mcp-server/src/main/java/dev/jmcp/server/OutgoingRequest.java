package dev.jmcp.server;

import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.jsonrpc.RequestId;
import dev.jmcp.core.transport.TransportMetadata;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A request the server is about to send the client while serving a request ({@code sampling/createMessage}, {@code
 * elicitation/create}, {@code roots/list}, and the {@code tasks/*} polling of a client-side task), as {@link
 * ServerInterceptor#interceptOutgoing} sees it. Immutable: {@link #withMeta} returns a new request.
 */
public interface OutgoingRequest {
    /**
     * The JSON-RPC method, e.g. {@code sampling/createMessage}.
     *
     * @return the method
     */
    String method();

    /**
     * The JSON-RPC id the request is sent with, reserved on the session before the interceptors run (e.g. for a
     * trace's {@code jsonrpc.request.id}). Should an interceptor send the same request twice, the second goes out
     * under a fresh id.
     *
     * @return the id
     */
    RequestId requestId();

    /**
     * A copy of the params as they will be sent, {@code _meta} included.
     *
     * @return the params (an object)
     */
    JsonNode params();

    /**
     * This request with {@code _meta} members added (an existing member of the same name is replaced), e.g. the
     * W3C {@code traceparent} of a tracing span.
     *
     * @param members the string members to add; empty returns this request
     * @return the request to pass on
     */
    OutgoingRequest withMeta(Map<String, String> members);

    /**
     * The revision of the session the request is sent in.
     *
     * @return the revision
     */
    ProtocolVersion protocolVersion();

    /**
     * The id of the request being served when this one is sent (for a task's input, the request that started the
     * task).
     *
     * @return the served request's id
     */
    RequestId servedRequestId();

    /**
     * What the transport knows about the request being served, whose connection carries this one too: transport
     * name, peer address, headers, and the network protocol ({@link TransportMetadata#network()}).
     *
     * @return the transport metadata; read-only
     */
    TransportMetadata transport();

    /**
     * The handshake-era session the request is sent in.
     *
     * @return the session; empty outside a handshake-era session
     */
    Optional<ServerSession> session();
}
