package dev.jmcp.server;

import dev.jmcp.core.McpJson;
import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.protocol.capabilities.ServerCapabilities;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The handshake-era state of one session, as a {@link SessionStore} keeps it: enough for any instance to serve the
 * session's next request without a new {@code initialize}.
 *
 * @param sessionId the transport's session id ({@code Mcp-Session-Id})
 * @param protocolVersion the negotiated revision
 * @param clientCapabilities the client's capabilities from {@code initialize}, as sent (an object)
 * @param clientInfo the client's {@code clientInfo} from {@code initialize}, as sent, or null
 * @param serverCapabilities what {@code initialize} told the client (decides which list changes it gets)
 * @param owner the key of the caller that opened it ({@code AuthInfo.ownerKey()}), or null when unauthenticated;
 *     only the same caller may resume it
 * @param logLevel the level set by {@code logging/setLevel}, or null
 * @param resourceSubscriptions the resource URIs subscribed to (immutable)
 */
public record StoredSession(
        String sessionId,
        ProtocolVersion protocolVersion,
        JsonNode clientCapabilities,
        JsonNode clientInfo,
        ServerCapabilities serverCapabilities,
        String owner,
        String logLevel,
        Set<String> resourceSubscriptions) {

    /**
     * Checks the required fields and copies the subscriptions.
     *
     * @param sessionId the transport's session id ({@code Mcp-Session-Id})
     * @param protocolVersion the negotiated revision
     * @param clientCapabilities the client's capabilities from {@code initialize}, as sent (an object)
     * @param clientInfo the client's {@code clientInfo} from {@code initialize}, as sent, or null
     * @param serverCapabilities what {@code initialize} told the client (decides which list changes it gets)
     * @param owner the key of the caller that opened it ({@code AuthInfo.ownerKey()}), or null when unauthenticated;
     *     only the same caller may resume it
     * @param logLevel the level set by {@code logging/setLevel}, or null
     * @param resourceSubscriptions the resource URIs subscribed to (immutable)
     */
    public StoredSession {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(protocolVersion, "protocolVersion");
        clientCapabilities = clientCapabilities == null ? McpJson.object() : clientCapabilities;
        resourceSubscriptions = resourceSubscriptions == null ? Set.of() : Set.copyOf(resourceSubscriptions);
    }

    /**
     * This session with another log level.
     *
     * @param level the level
     * @return this session with another log level
     */
    public StoredSession withLogLevel(String level) {
        return new StoredSession(
                sessionId,
                protocolVersion,
                clientCapabilities,
                clientInfo,
                serverCapabilities,
                owner,
                level,
                resourceSubscriptions);
    }

    /**
     * This session with other resource subscriptions.
     *
     * @param uris the URIs
     * @return this session with other resource subscriptions
     */
    public StoredSession withResourceSubscriptions(Set<String> uris) {
        return new StoredSession(
                sessionId, protocolVersion, clientCapabilities, clientInfo, serverCapabilities, owner, logLevel, uris);
    }

    /**
     * The session as one JSON text, for stores that keep strings ({@link #fromJson} reads it back).
     *
     * @return the session as one JSON text, for stores that keep strings ({@link #fromJson} reads it back)
     */
    public String toJson() {
        ObjectNode o = McpJson.object();
        o.put("sessionId", sessionId);
        o.put("protocolVersion", protocolVersion.id());
        o.set("clientCapabilities", clientCapabilities);
        if (clientInfo != null) {
            o.set("clientInfo", clientInfo);
        }
        if (serverCapabilities != null) {
            o.set("serverCapabilities", McpJson.toTree(serverCapabilities));
        }
        if (owner != null) {
            o.put("owner", owner);
        }
        if (logLevel != null) {
            o.put("logLevel", logLevel);
        }
        ArrayNode subs = o.putArray("resourceSubscriptions");
        resourceSubscriptions.forEach(subs::add);
        return McpJson.write(o);
    }

    /**
     * Reads what {@link #toJson()} wrote.
     *
     * @param json the JSON
     * @return the stored session
     * @throws IllegalArgumentException when the text is not a stored session
     */
    public static StoredSession fromJson(String json) {
        JsonNode o = McpJson.parse(json);
        String id = o.path("sessionId").asString(null);
        ProtocolVersion version = ProtocolVersion.parse(
                        o.path("protocolVersion").asString(""))
                .orElseThrow(() -> new IllegalArgumentException("stored session without a known protocolVersion"));
        if (id == null) {
            throw new IllegalArgumentException("stored session without a sessionId");
        }
        JsonNode told = o.get("serverCapabilities");
        Set<String> subs = new LinkedHashSet<>();
        for (JsonNode u : o.path("resourceSubscriptions")) {
            subs.add(u.asString());
        }
        return new StoredSession(
                id,
                version,
                o.get("clientCapabilities"),
                o.get("clientInfo"),
                told == null ? null : McpJson.fromTree(told, ServerCapabilities.class),
                o.path("owner").asString(null),
                o.path("logLevel").asString(null),
                subs);
    }
}
