package dev.jmcp.client;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.jsonrpc.RequestId;
import dev.jmcp.core.session.RequestOptions;
import dev.jmcp.core.transport.NetworkProtocol;
import dev.jmcp.core.transport.Transport;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One request the client is about to send, as a {@link ClientInterceptor} sees it. Immutable: {@link #withMeta}
 * returns a new call; getters return copies.
 */
public final class ClientCall {
    private final String method;
    private final ObjectNode params;
    private final ProtocolVersion protocolVersion;
    private final RequestOptions options;
    private final int round;
    private final ConcurrentMap<Object, Object> attributes;
    private final CompletionStage<Void> connectionClosed;
    private final RequestId requestId;
    private final Transport transport;

    ClientCall(
            String method,
            ObjectNode params,
            ProtocolVersion protocolVersion,
            RequestOptions options,
            int round,
            ConcurrentMap<Object, Object> attributes,
            CompletionStage<Void> connectionClosed,
            RequestId requestId,
            Transport transport) {
        this.method = Objects.requireNonNull(method, "method");
        this.params = Objects.requireNonNull(params, "params");
        this.protocolVersion = Objects.requireNonNull(protocolVersion, "protocolVersion");
        this.options = Objects.requireNonNull(options, "options");
        this.round = round;
        this.attributes = Objects.requireNonNull(attributes, "attributes");
        this.connectionClosed = Objects.requireNonNull(connectionClosed, "connectionClosed");
        this.requestId = requestId;
        this.transport = transport;
    }

    /**
     * The JSON-RPC method, e.g. {@code tools/call} (see {@link dev.jmcp.core.protocol.McpMethods}).
     *
     * @return the JSON-RPC method, e.g. {@code tools/call} (see {@link dev.jmcp.core.protocol.McpMethods})
     */
    public String method() {
        return method;
    }

    /**
     * A copy of the params as they will be sent, {@code _meta} included (a progress token, when the call has a
     * progress listener, is added later by the session).
     *
     * @return a copy of the params as they will be sent, {@code _meta} included (a progress token, when the call has a
     *     progress listener, is added later by the session)
     */
    public JsonNode params() {
        return params.deepCopy();
    }

    /**
     * The params read as a protocol record, e.g. {@code call.params(CallToolRequest.class)} for {@code tools/call}
     * ({@link dev.jmcp.core.protocol.tools.CallToolRequest}), {@code GetPromptRequest} for {@code prompts/get},
     * {@code ReadResourceRequest} for {@code resources/read}, {@code CompleteRequest} for
     * {@code completion/complete}.
     *
     * @param type the type
     * @param <T> the protocol record type to read the params as
     * @return the params read as a protocol record, e.g. {@code call.params(CallToolRequest.class)} for {@code
     *     tools/call} ({@link dev.jmcp.core.protocol.tools.CallToolRequest}), {@code GetPromptRequest} for {@code
     *     prompts/get}, {@code ReadResourceRequest} for {@code resources/read}, {@code CompleteRequest} for {@code
     *     completion/complete}
     * @throws IllegalArgumentException when the params do not fit the type
     */
    public <T> T params(Class<T> type) {
        return McpJson.fromTree(params, type);
    }

    /**
     * The request's {@code _meta} members (unmodifiable; empty when none).
     *
     * @return the request's {@code _meta} members (unmodifiable; empty when none)
     */
    public Map<String, JsonNode> meta() {
        JsonNode meta = params.get("_meta");
        if (meta == null || !meta.isObject()) {
            return Map.of();
        }
        Map<String, JsonNode> copy = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : meta.properties()) {
            copy.put(e.getKey(), e.getValue().deepCopy());
        }
        return Collections.unmodifiableMap(copy);
    }

    /**
     * One {@code _meta} member, if present.
     *
     * @param key the {@code _meta} key
     * @return one {@code _meta} member, if present
     */
    public Optional<JsonNode> meta(String key) {
        JsonNode meta = params.get("_meta");
        JsonNode value = meta == null ? null : meta.get(key);
        return value == null ? Optional.empty() : Optional.of(value.deepCopy());
    }

    /**
     * This call with a {@code _meta} member added or replaced (e.g. a W3C {@code traceparent}).
     *
     * @param key the {@code _meta} key
     * @param value the value
     * @return this call with a {@code _meta} member added or replaced (e.g. a W3C {@code traceparent})
     */
    public ClientCall withMeta(String key, JsonNode value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        ObjectNode copy = params.deepCopy();
        JsonNode meta = copy.get("_meta");
        ObjectNode target = meta != null && meta.isObject() ? (ObjectNode) meta : copy.putObject("_meta");
        target.set(key, value.deepCopy());
        return new ClientCall(
                method, copy, protocolVersion, options, round, attributes, connectionClosed, requestId, transport);
    }

    /**
     * This call with a string {@code _meta} member added or replaced.
     *
     * @param key the {@code _meta} key
     * @param value the value
     * @return this call with a string {@code _meta} member added or replaced
     */
    public ClientCall withMeta(String key, String value) {
        return withMeta(key, JsonNodeFactory.instance.stringNode(Objects.requireNonNull(value, "value")));
    }

    /**
     * The negotiated protocol revision.
     *
     * @return the negotiated protocol revision
     */
    public ProtocolVersion protocolVersion() {
        return protocolVersion;
    }

    /**
     * Whether the call is made in the stateless 2026-07-28 era (else in a handshake-era session).
     *
     * @return whether the call is made in the stateless 2026-07-28 era (else in a handshake-era session)
     */
    public boolean isStateless() {
        return protocolVersion.isStateless();
    }

    /**
     * The request options: timeouts and progress listener.
     *
     * @return the request options: timeouts and progress listener
     */
    public RequestOptions options() {
        return options;
    }

    /**
     * Which wire request of the call this is: 0 for the first, n for the n-th retry after an
     * {@code input_required} result (2026-07-28).
     *
     * @return which wire request of the call this is: 0 for the first, n for the n-th retry after an {@code
     *     input_required} result (2026-07-28)
     */
    public int round() {
        return round;
    }

    /**
     * What interceptors keep for the whole call: one thread-safe map shared by every round of a 2026-07-28
     * {@code input_required} exchange (and a retry after a session recovery), e.g. the trace context the first
     * round was sent in. Use keys of your own (an object only your interceptor holds).
     *
     * @return what interceptors keep for the whole call: one thread-safe map shared by every round of a 2026-07-28
     *     {@code input_required} exchange (and a retry after a session recovery), e.g. the trace context the first
     *     round was sent in
     */
    public ConcurrentMap<Object, Object> attributes() {
        return attributes;
    }

    /**
     * Completes when the connection this request is sent on closes (the client closed, or the peer went away); the
     * same stage for every request of one connection, so it also identifies the connection. E.g. to measure how
     * long a session lasted from its {@code initialize}. Only observe it (never complete it), and do not block in
     * what you chain on it.
     *
     * @return a stage that completes when the connection closes
     */
    public CompletionStage<Void> connectionClosed() {
        return connectionClosed;
    }

    /**
     * The JSON-RPC id this wire request is sent with, reserved on the session before the interceptors run (e.g. for
     * a trace's {@code jsonrpc.request.id}). Each round of an {@code input_required} exchange has its own. In two
     * rare cases the request goes out under another id: an interceptor that sends the same call twice (the second
     * gets a fresh id), and a connection replaced between the interception and the send.
     *
     * @return the id; null only for a call made outside a client session (a unit test's pipeline)
     */
    public RequestId requestId() {
        return requestId;
    }

    /**
     * The network transport and protocol of the connection this request is sent on, as its transport reports it
     * ({@code pipe} for stdio; {@code tcp}, {@code http} and the version of the latest response over HTTP). Read it
     * when the outcome arrives to get the version this request's response came over.
     *
     * @return the network protocol; {@link NetworkProtocol#UNKNOWN} when the transport does not say
     */
    public NetworkProtocol networkProtocol() {
        return transport == null ? NetworkProtocol.UNKNOWN : transport.networkProtocol();
    }

    /**
     * The id of the handshake-era session this request is sent in, as its transport knows it (HTTP's {@code
     * Mcp-Session-Id}): the current session's, also after the client reconnected or re-initialized. Read when
     * called, so after an {@code initialize} succeeded it names the new session.
     *
     * @return the session id; empty without one (stdio, 2026-07-28, before the {@code initialize} answer)
     */
    public Optional<String> sessionId() {
        return transport == null ? Optional.empty() : Optional.ofNullable(transport.sessionId());
    }

    /** The params as sent (shared, not copied): for the client's own sending. */
    ObjectNode sentParams() {
        return params;
    }

    @Override
    public String toString() {
        return method + (round == 0 ? "" : " (round " + round + ")") + " @" + protocolVersion.id();
    }
}
