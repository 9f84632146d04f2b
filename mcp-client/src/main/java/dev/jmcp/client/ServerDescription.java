package dev.jmcp.client;

import dev.jmcp.core.ProtocolVersion;
import dev.jmcp.core.protocol.Implementation;
import dev.jmcp.core.protocol.capabilities.ServerCapabilities;
import java.util.List;

/**
 * What the client learned about the server when it connected.
 *
 * @param protocolVersion the revision in use: 2026-07-28 (stateless) or the one {@code initialize} agreed
 * @param capabilities the server's capabilities
 * @param serverInfo the server's name and version, or null when it sent none (optional in 2026-07-28)
 * @param instructions the server's instructions for the model, or null
 * @param supportedVersions the revisions the server listed in {@code server/discover}, or just the agreed one
 */
public record ServerDescription(
        ProtocolVersion protocolVersion,
        ServerCapabilities capabilities,
        Implementation serverInfo,
        String instructions,
        List<String> supportedVersions) {
    /**
     * Copies the version list.
     *
     * @param protocolVersion the revision in use: 2026-07-28 (stateless) or the one {@code initialize} agreed
     * @param capabilities the server's capabilities
     * @param serverInfo the server's name and version, or null when it sent none (optional in 2026-07-28)
     * @param instructions the server's instructions for the model, or null
     * @param supportedVersions the revisions the server listed in {@code server/discover}, or just the agreed one
     */
    public ServerDescription {
        supportedVersions = List.copyOf(supportedVersions);
    }

    /**
     * Whether every request is stateless (2026-07-28).
     *
     * @return whether every request is stateless (2026-07-28)
     */
    public boolean isStateless() {
        return protocolVersion.isStateless();
    }
}
