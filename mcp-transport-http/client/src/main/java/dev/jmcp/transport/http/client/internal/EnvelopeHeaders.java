package dev.jmcp.transport.http.client.internal;

import dev.jmcp.core.transport.MessageEnvelope;
import dev.jmcp.transport.http.common.McpHttpHeaders;

/**
 * Writes the headers a message's {@link MessageEnvelope} mirrors (2026-07-28 Streamable HTTP, SEP-2243): exactly
 * what the envelope carries, never anything read from the body. Values are already in their header form
 * ({@link MessageEnvelope}); they are copied as they are.
 */
public final class EnvelopeHeaders {
    private EnvelopeHeaders() {}

    /**
     * Whether the envelope declares a per-request protocol version: such a message is framed the 2026-07-28 way
     * (no session id; its stream is closed to cancel it).
     */
    public static boolean declaresVersion(MessageEnvelope envelope) {
        return envelope.protocolVersion() != null;
    }

    /**
     * Adds {@code MCP-Protocol-Version} (replacing the negotiated one), {@code Mcp-Method}, {@code Mcp-Name} and one
     * {@code Mcp-Param-<name>} per mirrored parameter, each only when the envelope carries it.
     */
    public static void write(HeaderSink request, MessageEnvelope envelope) {
        if (envelope.protocolVersion() != null) {
            request.set(McpHttpHeaders.PROTOCOL_VERSION, envelope.protocolVersion());
        }
        if (envelope.method() != null) {
            request.add(McpHttpHeaders.METHOD, envelope.method());
        }
        if (envelope.name() != null) {
            request.add(McpHttpHeaders.NAME, envelope.name());
        }
        envelope.params().forEach((name, value) -> request.add(McpHttpHeaders.PARAM_PREFIX + name, value));
    }
}
