package dev.jmcp.client;

import dev.jmcp.core.protocol.roots.Root;
import java.util.List;

/**
 * The client's roots ({@code roots/list}): the {@code file://} directories the server may work in. Call
 * {@link McpClient#notifyRootsListChanged()} when they change. Runs on the client's handler executor.
 */
@FunctionalInterface
public interface RootsProvider {
    /**
     * The current roots.
     *
     * @return the current roots
     * @throws Exception any failure; the server gets a JSON-RPC error
     */
    List<Root> roots() throws Exception;
}
