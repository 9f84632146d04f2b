package dev.jmcp.server;

import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.jsonrpc.RequestId;
import dev.jmcp.core.protocol.lifecycle.RequestMeta;
import dev.jmcp.core.transport.AuthInfo;
import dev.jmcp.core.transport.TransportMetadata;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A read-only view of one request, as {@link ServerInterceptor}s see it: method, params (raw and typed), request
 * {@code _meta}, the revision and era it is served under, the caller, and the transport's metadata.
 */
public interface ServerCall {
    /** How the revision of a request was determined. */
    enum Era {
        /** A session that negotiated its revision with {@code initialize} (or {@code initialize}/{@code ping} before it). */
        HANDSHAKE,
        /** A stateless exchange serving a pre-2026 revision without a handshake (stateless HTTP mode). */
        STATELESS_MODE,
        /** A 2026-07-28 request carrying its own revision, capabilities and client info in {@code _meta}. */
        PER_REQUEST,
        /** The request was rejected before its revision could be determined (the chain ends in that error). */
        UNRESOLVED
    }

    /**
     * The method name, e.g. {@code tools/call}.
     *
     * @return the method name, e.g. {@code tools/call}
     */
    String method();

    /**
     * The JSON-RPC id of the request.
     *
     * @return the JSON-RPC id of the request
     */
    RequestId requestId();

    /**
     * A copy of the params (an empty object when the request had none).
     *
     * @return a copy of the params (an empty object when the request had none)
     */
    JsonNode params();

    /**
     * The params as the core protocol record of this method (e.g. {@code CallToolRequest} for {@code tools/call},
     * {@code GetPromptRequest} for {@code prompts/get}); empty when the method has no params record or the params do
     * not match it.
     *
     * @return the params as the core protocol record of this method (e.g. {@code CallToolRequest} for {@code
     *     tools/call}, {@code GetPromptRequest} for {@code prompts/get}); empty when the method has no params record or
     *     the params do not match it
     */
    Optional<Object> typedParams();

    /**
     * The params decoded as {@code type}; empty when they do not decode.
     *
     * @param type the class to decode the params as
     * @param <T> the type to decode the params as
     * @return the params decoded as {@code type}; empty when they do not decode
     */
    <T> Optional<T> paramsAs(Class<T> type);

    /**
     * A copy of the request's {@code _meta} object (an empty object when absent).
     *
     * @return a copy of the request's {@code _meta} object (an empty object when absent)
     */
    JsonNode meta();

    /**
     * The reserved keys of the request's {@code _meta} (all null when absent or malformed).
     *
     * @return the reserved keys of the request's {@code _meta} (all null when absent or malformed)
     */
    RequestMeta requestMeta();

    /**
     * The revision the request is served under; empty before {@code initialize} decided it, or when unresolved.
     *
     * @return the revision the request is served under; empty before {@code initialize} decided it, or when unresolved
     */
    Optional<ProtocolVersion> protocolVersion();

    /**
     * How the revision was determined.
     *
     * @return how the revision was determined
     */
    Era era();

    /**
     * The authenticated caller, if the transport authenticated one.
     *
     * @return the authenticated caller, if the transport authenticated one
     */
    Optional<AuthInfo> authInfo();

    /**
     * What the transport knows about the request (transport name, remote address, headers, and the network protocol
     * it came over: {@link TransportMetadata#network()}); read-only.
     *
     * @return the transport metadata
     */
    TransportMetadata transport();

    /**
     * The handshake-era session the request arrived on (its id, its close), for session-scoped telemetry and logs;
     * empty for stateless exchanges, 2026-07-28 requests and requests rejected before their era was resolved.
     *
     * @return the handshake-era session the request arrived on (its id, its close), for session-scoped telemetry and
     *     logs; empty for stateless exchanges, 2026-07-28 requests and requests rejected before their era was resolved
     */
    default Optional<ServerSession> session() {
        return Optional.empty();
    }
}
