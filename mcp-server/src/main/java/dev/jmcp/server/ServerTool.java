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
    /** Checks both are present. */
    public ServerTool {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(handler, "handler");
    }
}
