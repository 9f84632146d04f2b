package dev.jmcp.client.internal;

import dev.jmcp.core.ProtocolVersion;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * What negotiation learned about the server.
 *
 * @param version the revision in use
 * @param capabilities the server's capabilities object (never null)
 * @param serverInfo the server's {@code Implementation} object, or null when it sent none
 * @param instructions the server's instructions, or null
 * @param supportedVersions the revisions the server listed in {@code server/discover}, or just {@code version}
 */
public record ServerState(
        ProtocolVersion version,
        JsonNode capabilities,
        JsonNode serverInfo,
        String instructions,
        List<String> supportedVersions) {}
