package dev.jmcp.server;

import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.transport.ServerConnection;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;

/**
 * One connection served by an {@link McpServer}: a handshake-era session (after {@code initialize}) that may also
 * carry 2026-07-28 stateless requests, or a stateless exchange from {@link McpServer#connectStateless}.
 */
public interface ServerSession extends ServerConnection {
    /**
     * A random, unguessable id (suitable as an HTTP {@code Mcp-Session-Id}).
     *
     * @return a random, unguessable id (suitable as an HTTP {@code Mcp-Session-Id})
     */
    String id();

    /**
     * The revision negotiated by {@code initialize}, or null before it (and for stateless exchanges).
     *
     * @return the revision negotiated by {@code initialize}, or null before it (and for stateless exchanges)
     */
    ProtocolVersion protocolVersion();

    /**
     * Whether {@code initialize} succeeded on this session.
     *
     * @return whether {@code initialize} succeeded on this session
     */
    boolean isInitialized();

    /**
     * Sends {@code notifications/elicitation/complete} for a URL-mode elicitation this session's client started
     * (for example from the web callback that saw the user finish, after a handler threw {@link
     * UrlElicitationRequiredException}).
     *
     * @param elicitationId the elicitation id
     * @return false when the session is not initialized at 2025-11-25 (the only revision with this notification)
     */
    boolean completeUrlElicitation(String elicitationId);

    /**
     * The settings the client declared for extension {@code id} at {@code initialize} (a copy), or empty when it
     * did not declare it (and for a stateless exchange, whose client declares its capabilities per request: read
     * those with {@link RequestContext#clientExtension(String)}).
     *
     * @param id the extension's identifier
     * @return the settings the client declared for extension {@code id} at {@code initialize} (a copy), or empty when
     *     it did not declare it (and for a stateless exchange, whose client declares its capabilities per request: read
     *     those with {@link RequestContext#clientExtension(String)})
     */
    Optional<JsonNode> clientExtension(String id);

    /**
     * Sends an extension's notification {@code method} to this session's client (a handshake-era session; params
     * are any object Jackson writes as a JSON object, or null). Fails with {@link dev.jmcp.core.McpException} on a
     * stateless exchange, which has no channel to the client outside a request.
     *
     * @param method the extension's method name
     * @param params the params: any object Jackson writes as a JSON object, or null for none
     * @return a future that completes when the notification has been sent
     */
    CompletableFuture<Void> sendExtensionNotification(String method, Object params);

    /**
     * Sends an extension's request {@code method} to this session's client and completes with its raw result (a
     * handshake-era session, under the server's client-request timeout).
     *
     * @param method the extension's method name
     * @param params the params: any object Jackson writes as a JSON object, or null for none
     * @return a future that completes with the client's result
     */
    CompletableFuture<JsonNode> sendExtensionRequest(String method, Object params);

    /** Completes when the session has closed. */
    CompletableFuture<Void> closeFuture();

    /** Closes the session and its transport; in-flight handlers see cancellation. Idempotent. */
    @Override
    void close();
}
