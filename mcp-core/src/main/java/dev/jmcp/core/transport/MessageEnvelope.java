package dev.jmcp.core.transport;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Copies of a request's fields that a transport carries outside the message body, so intermediaries can route
 * without parsing it (2026-07-28 Streamable HTTP: the {@code Mcp-Method}, {@code Mcp-Name},
 * {@code MCP-Protocol-Version} and {@code Mcp-Param-*} headers, SEP-2243).
 *
 * <p>Inbound, a transport fills it from what it received, without reading the body; the session checks it
 * against the body. Outbound, the client fills it and the transport writes it, without reading the body either.
 * Values are in their header form in both directions: a name or parameter value that is not header-safe is
 * {@link HeaderValues#encode encoded} by whoever fills the envelope (the client) and decoded by whoever compares
 * it with the body (the server), so a transport copies values and never looks into them.
 *
 * @param method the method the transport saw declared, or null
 * @param name the tool, prompt or resource name or URI the transport saw declared, or null
 * @param protocolVersion the protocol revision the transport saw declared, or null
 * @param params mirrored tool parameters by lower-case {@code x-mcp-header} name; empty when none
 */
public record MessageEnvelope(String method, String name, String protocolVersion, Map<String, String> params) {
    /** A transport that mirrors nothing. */
    public static final MessageEnvelope NONE = new MessageEnvelope(null, null, null, Map.of());

    /**
     * Copies the parameter map with lower-case keys.
     *
     * @param method the method the transport saw declared, or null
     * @param name the tool, prompt or resource name or URI the transport saw declared, or null
     * @param protocolVersion the protocol revision the transport saw declared, or null
     * @param params mirrored tool parameters by lower-case {@code x-mcp-header} name; empty when none
     */
    public MessageEnvelope {
        params = params == null || params.isEmpty()
                ? Map.of()
                : params.entrySet().stream()
                        .collect(Collectors.toUnmodifiableMap(
                                e -> e.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue, (a, b) -> a));
    }

    /**
     * Whether the transport mirrors request fields at all (it declared a method).
     *
     * @return {@code true} if the transport mirrors request fields at all (it declared a method)
     */
    public boolean mirrored() {
        return method != null;
    }

    /**
     * The declared method, if any.
     *
     * @return the declared method, if any
     */
    public Optional<String> declaredMethod() {
        return Optional.ofNullable(method);
    }

    /**
     * The declared name or URI, if any.
     *
     * @return the declared name or URI, if any
     */
    public Optional<String> declaredName() {
        return Optional.ofNullable(name);
    }

    /**
     * The declared protocol revision, if any.
     *
     * @return the declared protocol revision, if any
     */
    public Optional<String> declaredProtocolVersion() {
        return Optional.ofNullable(protocolVersion);
    }

    /**
     * The raw mirrored value of the parameter whose {@code x-mcp-header} name is {@code name}, if any.
     *
     * @param name the parameter's {@code x-mcp-header} name
     * @return the raw mirrored value of the parameter whose {@code x-mcp-header} name is {@code name}, if any
     */
    public Optional<String> param(String name) {
        return Optional.ofNullable(params.get(name.toLowerCase(Locale.ROOT)));
    }
}
