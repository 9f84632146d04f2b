package dev.jmcp.server;

import dev.jmcp.core.protocol.tools.Tool;
import java.util.Objects;

/**
 * A tool definition with its handler, ready to register. Build typed tools with {@link TypedTools}.
 *
 * @param tool the definition listed by {@code tools/list}
 * @param handler the handler
 */
public record ServerTool(Tool tool, ToolHandler handler) {
    /**
     * Checks both are present, and that the input schema's SEP-2243 {@code x-mcp-header} annotations are valid
     * (clients drop a tool whose annotations are not).
     *
     * @throws IllegalArgumentException naming the invalid annotation
     */
    public ServerTool {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(handler, "handler");
        try {
            dev.jmcp.core.transport.ParamHeaders.of(tool.inputSchema());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("tool " + tool.name() + ": " + e.getMessage(), e);
        }
    }
}
