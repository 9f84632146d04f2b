package dev.jmcp.client.internal;

import dev.jmcp.core.protocol.tools.ListToolsResult;
import dev.jmcp.core.protocol.tools.Tool;
import dev.jmcp.core.transport.ParamHeaders;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SEP-2243: a tool whose {@code x-mcp-header} annotations are invalid is excluded from {@code tools/list}, so one
 * malformed definition does not keep the other tools from being used.
 */
public final class ValidTools {
    private static final Logger LOG = LoggerFactory.getLogger(ValidTools.class);

    private ValidTools() {}

    /** {@code result} without the tools whose {@code x-mcp-header} annotations are invalid. */
    public static ListToolsResult only(ListToolsResult result) {
        List<Tool> kept = new ArrayList<>(result.tools().size());
        for (Tool t : result.tools()) {
            try {
                ParamHeaders.of(t.inputSchema());
                kept.add(t);
            } catch (IllegalArgumentException e) {
                LOG.warn("ignoring tool {}: {}", t.name(), e.getMessage());
            }
        }
        if (kept.size() == result.tools().size()) {
            return result;
        }
        return new ListToolsResult(
                kept, result.nextCursor(), result.ttlMs(), result.cacheScope(), result.resultType(), result.meta());
    }
}
